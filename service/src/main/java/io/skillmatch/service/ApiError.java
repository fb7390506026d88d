package io.skillmatch.service;

import java.util.List;

/**
 * The one error shape of the HTTP API, served as {@code application/problem+json} (RFC 9457).
 *
 * @param type a URI naming the kind of problem
 * @param title short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param errors the fields at fault, if any
 */
public record ApiError(String type, String title, int status, String detail, List<FieldError> errors) {

  /** One field at fault: its JSON path and why. */
  public record FieldError(String field, String message) {}

  public ApiError {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }
}

package io.skillmatch.service;

import java.util.List;

/** A client error with its HTTP status, turned into an {@link ApiError} at the edge. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final transient List<ApiError.FieldError> errors;

  public ApiException(int status, String title, String detail, List<ApiError.FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** 400 for a bad field. */
  public static ApiException badField(String field, String message) {
    return new ApiException(400, "Invalid request", field + ": " + message,
        List.of(new ApiError.FieldError(field, message)));
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<ApiError.FieldError> errors() {
    return errors;
  }
}

package io.skillmatch.parsing;

/**
 * Structured input a caller sent is wrong (a field of the wrong type, a date out of range); the
 * message names the field. Unlike other {@link IllegalArgumentException}s, which signal a bug, this
 * one is the caller's to fix.
 */
public final class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  public InvalidInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
    this.reason = message;
  }

  /** What is wrong, without the field's name. */
  public String reason() {
    return reason;
  }

  /** The JSON path of the field at fault ("experience[].start"). */
  public String field() {
    return field;
  }
}

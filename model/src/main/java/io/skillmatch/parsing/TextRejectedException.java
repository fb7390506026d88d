package io.skillmatch.parsing;

/** Thrown when a text cannot be parsed at all; {@link #reason()} says why, the message how. */
public final class TextRejectedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why a text was rejected. */
  public enum Reason {
    EMPTY,
    TOO_LONG,
    BINARY
  }

  private final Reason reason;

  public TextRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

package io.dstream.checkpoint.serializer;

import java.io.IOException;

/**
 * Thrown when serialized data cannot be read back: it is truncated, corrupt (a checksum does not match), not
 * serialized data at all, or was written by a serializer with different registrations. The message says
 * what failed and where.
 */
public final class CorruptDataException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and where
   */
  public CorruptDataException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the error that revealed the corruption.
   *
   * @param message what failed and where
   * @param cause the underlying error
   */
  public CorruptDataException(String message, Throwable cause) {
    super(message, cause);
  }
}

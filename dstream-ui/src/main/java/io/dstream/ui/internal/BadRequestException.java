package io.dstream.ui.internal;

/**
 * A request that the JSON API refuses because of what the client asked (a bad query parameter): answered with
 * 400 and this message. Any other exception while answering is the server's fault: 500, and logged.
 */
final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the refusal.
   *
   * @param message what was wrong with the request, and what to ask instead
   */
  BadRequestException(String message) {
    super(message);
  }
}

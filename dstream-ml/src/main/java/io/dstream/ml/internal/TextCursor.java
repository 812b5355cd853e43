package io.dstream.ml.internal;

/**
 * A text being read from start to end and the position reached in it, with the steps that {@link MllibText} and
 * the JSON reader of {@link ModelFile} share: skipping blanks, expecting a character, and an error that says what
 * was expected where.
 */
abstract class TextCursor {
  final String text;
  int at;

  TextCursor(String text) {
    this.text = text;
  }

  /**
   * Returns the message of an error, given what was wrong and where; a parser adds what it was reading.
   *
   * @param problem such as {@code expected ']' at position 4, found 'x'}
   * @return the whole message
   */
  abstract String message(String problem);

  final void expect(char c) {
    if (!accept(c)) {
      throw error("'" + c + "'");
    }
  }

  final boolean accept(char c) {
    skipBlanks();
    if (peek(c)) {
      at++;
      return true;
    }
    return false;
  }

  final boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  final void skipBlanks() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  /** Checks that only blanks are left; {@code what} names the end, such as {@code the end of the file}. */
  final void end(String what) {
    skipBlanks();
    if (at < text.length()) {
      throw error(what);
    }
  }

  final IllegalArgumentException error(String expected) {
    String found = at < text.length() ? "'" + text.charAt(at) + "'" : "the end";
    return new IllegalArgumentException(message("expected " + expected + " at position " + at + ", found " + found));
  }
}

package io.dstream.sql.internal;

/** Quotes names for SQL text, so that a column or view may have any name. */
public final class Identifiers {
  private Identifiers() {}

  /**
   * Returns a name as a quoted SQL identifier: {@code "word"}, with quotes inside doubled.
   *
   * @param name the name
   * @return the identifier
   */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}

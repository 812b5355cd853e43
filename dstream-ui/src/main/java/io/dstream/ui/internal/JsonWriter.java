package io.dstream.ui.internal;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes one JSON document into a string, value by value: objects and arrays are opened and closed, and the
 * commas between their members are put in by the writer. Strings are escaped so that the output is valid JSON
 * whatever they hold, and safe to embed in a script or HTML: quotes, backslashes, control characters,
 * {@code <}, {@code >}, {@code &}, U+2028, U+2029 and lone surrogates become {@code \}{@code uXXXX} escapes.
 */
final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int MAX_DEPTH = 64;

  private final StringBuilder out = new StringBuilder(256);
  /** Per open object or array: whether a member has been written into it, so the next one needs a comma. */
  private final boolean[] hasMember = new boolean[MAX_DEPTH];
  private int depth;
  private boolean afterName;

  /**
   * Opens an object.
   *
   * @return this
   */
  JsonWriter beginObject() {
    return open('{');
  }

  /**
   * Closes the innermost object.
   *
   * @return this
   */
  JsonWriter endObject() {
    return close('}');
  }

  /**
   * Opens an array.
   *
   * @return this
   */
  JsonWriter beginArray() {
    return open('[');
  }

  /**
   * Closes the innermost array.
   *
   * @return this
   */
  JsonWriter endArray() {
    return close(']');
  }

  /**
   * Writes the name of the next member of the innermost object.
   *
   * @param name the name
   * @return this
   */
  JsonWriter name(String name) {
    separate();
    string(name);
    out.append(':');
    afterName = true;
    return this;
  }

  /**
   * Writes a string, or null.
   *
   * @param value the value
   * @return this
   */
  JsonWriter value(String value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    return this;
  }

  /**
   * Writes an integer.
   *
   * @param value the value
   * @return this
   */
  JsonWriter value(long value) {
    separate();
    out.append(value);
    return this;
  }

  /**
   * Writes a number; one that JSON cannot represent (NaN, an infinity) is written as null.
   *
   * @param value the value
   * @return this
   */
  JsonWriter value(double value) {
    separate();
    if (Double.isFinite(value)) {
      out.append(value);
    } else {
      out.append("null");
    }
    return this;
  }

  /**
   * Writes a boolean.
   *
   * @param value the value
   * @return this
   */
  JsonWriter value(boolean value) {
    separate();
    out.append(value);
    return this;
  }

  /**
   * Writes an integer, or null when it is absent.
   *
   * @param value the value
   * @return this
   */
  JsonWriter value(OptionalLong value) {
    if (value.isPresent()) {
      return value(value.getAsLong());
    }
    return value((String) null);
  }

  /**
   * Writes a string, or null when it is absent.
   *
   * @param value the value
   * @return this
   */
  JsonWriter value(Optional<String> value) {
    return value(value.orElse(null));
  }

  /**
   * Writes a member: its name and a string value (or null).
   *
   * @param name the name
   * @param value the value
   * @return this
   */
  JsonWriter field(String name, String value) {
    return name(name).value(value);
  }

  /**
   * Writes a member with an integer value.
   *
   * @param name the name
   * @param value the value
   * @return this
   */
  JsonWriter field(String name, long value) {
    return name(name).value(value);
  }

  /**
   * Writes a member with a number value (null if not finite).
   *
   * @param name the name
   * @param value the value
   * @return this
   */
  JsonWriter field(String name, double value) {
    return name(name).value(value);
  }

  /**
   * Writes a member with a boolean value.
   *
   * @param name the name
   * @param value the value
   * @return this
   */
  JsonWriter field(String name, boolean value) {
    return name(name).value(value);
  }

  /**
   * Writes a member with an integer value, or null when it is absent.
   *
   * @param name the name
   * @param value the value
   * @return this
   */
  JsonWriter field(String name, OptionalLong value) {
    return name(name).value(value);
  }

  /**
   * Writes a member with a string value, or null when it is absent.
   *
   * @param name the name
   * @param value the value
   * @return this
   */
  JsonWriter field(String name, Optional<String> value) {
    return name(name).value(value);
  }

  /**
   * Returns the document written.
   *
   * @return the JSON text
   * @throws IllegalStateException if an object or array is still open
   */
  String toJson() {
    if (depth != 0) {
      throw new IllegalStateException("the JSON document has " + depth + " object(s) or array(s) still open; "
          + "close each one begun");
    }
    return out.toString();
  }

  private JsonWriter open(char bracket) {
    separate();
    if (depth == MAX_DEPTH) {
      throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH + " levels");
    }
    out.append(bracket);
    hasMember[depth++] = false;
    return this;
  }

  private JsonWriter close(char bracket) {
    if (depth == 0) {
      throw new IllegalStateException("'" + bracket + "' closes nothing: no object or array is open");
    }
    depth--;
    out.append(bracket);
    return this;
  }

  /** Puts a comma before every member of an object or array but its first; a name's value needs none. */
  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (hasMember[depth - 1]) {
        out.append(',');
      }
      hasMember[depth - 1] = true;
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029' || c == 0x7f) {
            unicodeEscape(c);
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            // A lone surrogate cannot be encoded as UTF-8; its escape keeps the text as it was.
            unicodeEscape(c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void unicodeEscape(char c) {
    out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}

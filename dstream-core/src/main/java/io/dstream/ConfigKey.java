package io.dstream;

import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key: its name, its default, how its text value is parsed, and what it means.
 *
 * <p>All keys are constants of {@link ConfigKeys}; read them with {@link StreamingConf#get(ConfigKey)}.
 *
 * @param <T> the type of the parsed value
 */
public final class ConfigKey<T> {
  private final String name;
  private final T defaultValue;
  private final String defaultText;
  private final Function<String, T> parser;
  private final String doc;

  ConfigKey(String name, String defaultText, Function<String, T> parser, String doc) {
    this.name = Objects.requireNonNull(name);
    this.defaultText = defaultText;
    this.parser = parser;
    this.doc = doc;
    this.defaultValue = defaultText == null ? null : parser.apply(defaultText);
  }

  /**
   * Returns the key's name, such as {@code dstream.concurrentJobs}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the value used when the key is not set, or null if the key has no fixed default.
   *
   * @return the default
   */
  public T defaultValue() {
    return defaultValue;
  }

  /**
   * Returns the default as it is written in the documentation, or null if there is none.
   *
   * @return the default's text
   */
  public String defaultText() {
    return defaultText;
  }

  /**
   * Returns what the key means.
   *
   * @return one or two sentences
   */
  public String doc() {
    return doc;
  }

  /**
   * Parses a text value of this key.
   *
   * @param text the text
   * @return the value
   * @throws IllegalArgumentException if the text is not a valid value, naming the key and the text
   */
  public T parse(String text) {
    try {
      return parser.apply(text.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "invalid value '" + text + "' for " + name + ": " + e.getMessage() + "; see docs/configuration.md", e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}

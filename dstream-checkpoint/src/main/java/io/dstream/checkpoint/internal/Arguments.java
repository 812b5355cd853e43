package io.dstream.checkpoint.internal;

/**
 * The one way dstream's public methods refuse a null argument: at once, where it is given, with an
 * {@link IllegalArgumentException} that names the parameter, rather than a {@link NullPointerException} from
 * inside the engine later (at every batch, or in a retried task). It lives in the lowest module so that every
 * module's public API uses it.
 */
public final class Arguments {
  private Arguments() {}

  /**
   * Returns an argument, or refuses it if it is null.
   *
   * @param value the argument
   * @param name the parameter's name, as the method's Javadoc gives it
   * @param <T> the argument's type
   * @return {@code value}
   * @throws IllegalArgumentException "NAME must not be null", if {@code value} is null
   */
  public static <T> T requireNonNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }
}

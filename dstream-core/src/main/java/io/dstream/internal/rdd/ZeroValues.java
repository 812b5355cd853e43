package io.dstream.internal.rdd;

import io.dstream.checkpoint.serializer.KryoSerializer;
import io.dstream.checkpoint.serializer.Serializer;

/**
 * Copies the zero value of a fold or aggregate, so that every key (or partition) starts from its own
 * instance: user functions may mutate a zero such as {@code new HashSet<>()}, as Spark users expect.
 * Immutable values (strings, boxed numbers) are not copied.
 */
public final class ZeroValues {
  private static final Serializer SERIALIZER = new KryoSerializer();

  private ZeroValues() {}

  /**
   * Returns an independent copy of a zero value.
   *
   * @param zero the value
   * @param <T> its type
   * @return a deep copy, or the value itself if it is immutable or null
   * @throws IllegalArgumentException if the value cannot be copied
   */
  public static <T> T copy(T zero) {
    if (zero == null || zero instanceof String || zero instanceof Number || zero instanceof Boolean
        || zero instanceof Character || zero instanceof Enum<?>) {
      return zero;
    }
    return SERIALIZER.copy(zero);
  }
}

package io.dstream.internal.rdd;

import io.dstream.checkpoint.serializer.Serializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Deep-copies values that user functions are allowed to modify: the zero value of a fold or aggregate, so
 * that every key (or partition) starts from its own instance (user functions may mutate a zero such as
 * {@code new HashSet<>()}, as Spark users expect), and a combiner that the shuffle must not let a merge
 * function modify (see {@link Aggregator}). Values of immutable classes (strings, boxed primitives) are not
 * copied.
 *
 * <p>The copy is Kryo's deep copy, except for collections and maps without a no-arg constructor (the
 * unmodifiable and synchronized wrappers of {@link java.util.Collections}, {@code Arrays.asList}): Kryo
 * rebuilds a collection by constructing an empty one and adding the elements, which such a class does not
 * allow, so they are copied through Java serialization, as is any {@link Serializable} value that Kryo fails
 * to copy. Such wrappers nested inside another object are copied by Kryo and may come back broken.
 *
 * <p>Kryo is the context's serializer, so {@code dstream.kryo.registrator} and
 * {@code dstream.serializer.registrationRequired} apply to copies as to everything the context serializes.
 */
public final class ValueCopier {
  // Exact classes: a subclass may add mutable state. Mutable Numbers (AtomicLong, LongAdder) are copied.
  private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Integer.class, Long.class, Short.class,
      Byte.class, Double.class, Float.class, Boolean.class, Character.class, BigInteger.class, BigDecimal.class);

  private static final ClassValue<Boolean> NOT_REBUILDABLE_BY_KRYO = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      if (!Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)) {
        return false;
      }
      try {
        type.getDeclaredConstructor();
        return false;
      } catch (NoSuchMethodException e) {
        return true;
      }
    }
  };

  private static final ClassValue<Boolean> IMMUTABLE_CLASS = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return IMMUTABLE.contains(type) || Enum.class.isAssignableFrom(type);
    }
  };

  private final Serializer serializer;
  private final boolean registrationRequired;

  /**
   * Creates the copier of a context.
   *
   * @param serializer the context's serializer, whose Kryo copies
   * @param registrationRequired whether that serializer refuses classes that are not registered, for the
   *     message of a refused copy
   */
  public ValueCopier(Serializer serializer, boolean registrationRequired) {
    this.serializer = serializer;
    this.registrationRequired = registrationRequired;
  }

  /**
   * Returns the serializer copies are made with: the context's.
   *
   * @return the serializer
   */
  public Serializer serializer() {
    return serializer;
  }

  /**
   * Tells whether a value can never be modified, so that sharing it is always safe. Cheap enough for the
   * per-record path: one class lookup.
   *
   * @param value the value, not null
   * @return true for strings, boxed primitives, big numbers and enum constants
   */
  public static boolean isImmutable(Object value) {
    return IMMUTABLE_CLASS.get(value.getClass());
  }

  /**
   * Returns an independent copy of a zero value or combiner.
   *
   * @param value the value
   * @param <T> its type
   * @return a deep copy, or the value itself if it is immutable or null
   * @throws IllegalArgumentException if the value cannot be copied
   */
  public <T> T copy(T value) {
    if (value == null || isImmutable(value)) {
      return value;
    }
    if (NOT_REBUILDABLE_BY_KRYO.get(value.getClass())) {
      return copyBySerialization(value, null);
    }
    try {
      return serializer.copy(value);
    } catch (RuntimeException kryoFailure) {
      return copyBySerialization(value, kryoFailure);
    }
  }

  /**
   * Checks that a zero value can be copied, so that a bad zero fails where the operation is called rather
   * than in every task.
   *
   * @param zero the zero value
   * @throws IllegalArgumentException if it cannot be copied
   */
  public void requireCopyable(Object zero) {
    copy(zero);
  }

  @SuppressWarnings("unchecked")
  private <T> T copyBySerialization(T value, RuntimeException kryoFailure) {
    if (!(value instanceof Serializable)) {
      String why = kryoFailure != null ? kryoFailure.toString() : "it is not Serializable";
      throw cannotCopy(value, why, kryoFailure);
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      IllegalArgumentException failure = cannotCopy(value, e.toString(), e);
      if (kryoFailure != null) {
        failure.addSuppressed(kryoFailure);
      }
      throw failure;
    }
  }

  private IllegalArgumentException cannotCopy(Object value, String why, Throwable cause) {
    String className = value.getClass().getName();
    String remedy = registrationRequired
        ? "; dstream.serializer.registrationRequired is true, so register " + className + " (and the classes it "
            + "holds) in the KryoRegistrator named by dstream.kryo.registrator"
        : "; use a plain mutable object, an immutable value, or a Serializable one";
    return new IllegalArgumentException("cannot copy a value of " + className + " (zero values of "
        + "fold/aggregate and merged combiners are copied so that functions may mutate them): " + why + remedy,
        cause);
  }
}

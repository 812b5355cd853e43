package io.dstream.checkpoint.internal.serializer;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.dstream.checkpoint.serializer.Serializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The JDK classes every {@link KryoSerializer} registers, so that users with {@code registrationRequired}
 * register only their own classes. The order fixes the ids in the bytes: append, never reorder.
 */
final class StandardRegistrations {
  private static final List<Class<?>> CLASSES = List.of(
      byte[].class, int[].class, long[].class, double[].class, Object[].class, String[].class,
      BigInteger.class, BigDecimal.class, Optional.class,
      ArrayList.class, LinkedList.class, ArrayDeque.class,
      HashMap.class, LinkedHashMap.class, TreeMap.class,
      HashSet.class, LinkedHashSet.class, TreeSet.class,
      Arrays.asList().getClass(),
      Collections.emptyList().getClass(), Collections.emptySet().getClass(), Collections.emptyMap().getClass(),
      Collections.singletonList(0).getClass(), Collections.singleton(0).getClass(),
      Collections.singletonMap(0, 0).getClass());

  private StandardRegistrations() {}

  static void register(Kryo kryo) {
    for (Class<?> type : CLASSES) {
      kryo.register(type);
    }
    kryo.register(UUID.class, new UuidSerializer());
  }

  /** Kryo has no serializer for UUID, and its fields are closed to reflection since Java 17. */
  private static final class UuidSerializer extends com.esotericsoftware.kryo.Serializer<UUID> {
    UuidSerializer() {
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, UUID uuid) {
      output.writeLong(uuid.getMostSignificantBits());
      output.writeLong(uuid.getLeastSignificantBits());
    }

    @Override
    public UUID read(Kryo kryo, Input input, Class<? extends UUID> type) {
      return new UUID(input.readLong(), input.readLong());
    }
  }
}

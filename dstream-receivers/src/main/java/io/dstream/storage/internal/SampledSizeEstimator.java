package io.dstream.storage.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default {@link SizeEstimator}: walks the object graph of a sample of a block's records and scales
 * the sample's size up to the whole block. Strings, arrays, collections and maps are measured through their
 * public shape; other objects through their fields (JDK classes whose fields are closed to reflection count
 * their own fields only). The walk of one record stops after {@value #MAX_OBJECTS_PER_RECORD} objects, so
 * huge records are underestimated rather than walked for long. Thread-safe.
 */
public final class SampledSizeEstimator implements SizeEstimator {
  private static final int SAMPLE_SIZE = 32;
  private static final int MAX_OBJECTS_PER_RECORD = 10_000;
  private static final int OBJECT_HEADER = 16;
  private static final int ARRAY_HEADER = 16;
  private static final int REFERENCE = 4;
  private static final int STRING_OVERHEAD = 40;
  private static final int COLLECTION_OVERHEAD = 32;
  private static final int PER_ELEMENT_OVERHEAD = 16;
  private static final int PER_MAP_ENTRY_OVERHEAD = 32;

  private static final ClassValue<ClassLayout> LAYOUTS = new ClassValue<>() {
    @Override
    protected ClassLayout computeValue(Class<?> type) {
      return ClassLayout.of(type);
    }
  };

  /** Creates an estimator. */
  public SampledSizeEstimator() {}

  @Override
  public long estimate(List<?> records) {
    int count = records.size();
    long listSize = OBJECT_HEADER + ARRAY_HEADER + (long) REFERENCE * count;
    if (count <= SAMPLE_SIZE) {
      long total = listSize;
      for (Object record : records) {
        total += sizeOf(record);
      }
      return total;
    }
    long sampled = 0;
    for (int i = 0; i < SAMPLE_SIZE; i++) {
      sampled += sizeOf(records.get((int) ((long) i * count / SAMPLE_SIZE)));
    }
    return listSize + sampled * count / SAMPLE_SIZE;
  }

  /** Sums the shallow sizes of every object reachable from {@code root}, each counted once. */
  private static long sizeOf(Object root) {
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    ArrayDeque<Object> pending = new ArrayDeque<>();
    if (root != null) {
      pending.push(root);
    }
    long total = 0;
    while (!pending.isEmpty() && seen.size() < MAX_OBJECTS_PER_RECORD) {
      Object next = pending.pop();
      if (seen.put(next, Boolean.TRUE) == null) {
        total += shallowSize(next, pending);
      }
    }
    return total;
  }

  /** Returns one object's own size and queues the objects it refers to. */
  private static long shallowSize(Object value, ArrayDeque<Object> pending) {
    if (value instanceof String s) {
      return STRING_OVERHEAD + s.length();
    }
    if (value instanceof Enum<?> || value instanceof Class<?>) {
      return 0; // shared by every record
    }
    if (value instanceof Collection<?> collection) {
      pushAll(collection, pending);
      return COLLECTION_OVERHEAD + (long) PER_ELEMENT_OVERHEAD * collection.size();
    }
    if (value instanceof Map<?, ?> map) {
      pushAll(map.keySet(), pending);
      pushAll(map.values(), pending);
      return COLLECTION_OVERHEAD + (long) PER_MAP_ENTRY_OVERHEAD * map.size();
    }
    Class<?> type = value.getClass();
    if (type.isArray()) {
      return arraySize(value, type.getComponentType(), pending);
    }
    ClassLayout layout = LAYOUTS.get(type);
    for (Field field : layout.references()) {
      try {
        push(field.get(value), pending);
      } catch (IllegalAccessException e) {
        // The layout only keeps fields made accessible; nothing to follow if that changed.
      }
    }
    return layout.shallowSize();
  }

  private static long arraySize(Object array, Class<?> component, ArrayDeque<Object> pending) {
    int length = Array.getLength(array);
    if (!component.isPrimitive()) {
      for (Object element : (Object[]) array) {
        push(element, pending);
      }
      return ARRAY_HEADER + (long) REFERENCE * length;
    }
    return ARRAY_HEADER + (long) primitiveSize(component) * length;
  }

  private static void pushAll(Collection<?> values, ArrayDeque<Object> pending) {
    for (Object value : values) {
      push(value, pending);
    }
  }

  private static void push(Object value, ArrayDeque<Object> pending) {
    if (value != null) {
      pending.push(value);
    }
  }

  private static int primitiveSize(Class<?> type) {
    if (type == long.class || type == double.class) {
      return 8;
    }
    if (type == int.class || type == float.class) {
      return 4;
    }
    if (type == short.class || type == char.class) {
      return 2;
    }
    return 1;
  }

  /** A class's shallow size and the reference fields that reflection may read. */
  private record ClassLayout(long shallowSize, List<Field> references) {
    static ClassLayout of(Class<?> type) {
      long size = OBJECT_HEADER;
      List<Field> references = new ArrayList<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())) {
            continue;
          }
          if (field.getType().isPrimitive()) {
            size += primitiveSize(field.getType());
            continue;
          }
          size += REFERENCE;
          if (trySetAccessible(field)) {
            references.add(field);
          }
        }
      }
      return new ClassLayout(size, List.copyOf(references));
    }

    private static boolean trySetAccessible(Field field) {
      try {
        return field.trySetAccessible();
      } catch (SecurityException e) {
        return false;
      }
    }
  }
}

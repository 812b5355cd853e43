package io.dstream.internal.rdd;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The map from keys to combiners of a shuffle's combine, on its hot path: every record of a
 * {@code reduceByKey} looks its key up here. Open addressing with linear probing over two parallel arrays,
 * so a lookup of a key that is already present (the common case: a partition holds many records per key)
 * allocates nothing and reads two arrays, where {@link java.util.HashMap} follows a node per entry. The slot
 * returned by {@link #find} lets a caller read, replace or insert without hashing twice.
 *
 * <p>Null keys are allowed; values are never null (the {@link Aggregator} stores a marker for null). Not
 * thread-safe: one task owns a map while it fills it; afterwards it is only read.
 */
public final class CombineMap {
  private static final Object NULL_KEY = new Object();
  private static final int INITIAL_CAPACITY = 64;

  private Object[] keys;
  private Object[] values;
  private int size;

  /** Creates an empty map. */
  public CombineMap() {
    keys = new Object[INITIAL_CAPACITY];
    values = new Object[INITIAL_CAPACITY];
  }

  private CombineMap(CombineMap other) {
    keys = other.keys.clone();
    values = other.values.clone();
    size = other.size;
  }

  /**
   * Returns an independent copy of this map, sharing the keys and values but not the arrays: two array
   * copies, no rehashing. An incremental window updates a copy of the previous window's map in place.
   *
   * @return the copy
   */
  public CombineMap copy() {
    return new CombineMap(this);
  }

  /**
   * Looks a key up.
   *
   * @param key the key, may be null
   * @return the key's slot (zero or more) if present, otherwise a negative number to pass to
   *     {@link #insert} (valid until the next insert)
   */
  public int find(Object key) {
    Object masked = key == null ? NULL_KEY : key;
    int mask = keys.length - 1;
    for (int slot = indexOf(masked, mask); ; slot = (slot + 1) & mask) {
      Object present = keys[slot];
      if (present == null) {
        return -slot - 1;
      }
      if (present == masked || present.equals(masked)) {
        return slot;
      }
    }
  }

  /**
   * Returns the value in a slot that {@link #find} returned.
   *
   * @param slot a slot holding a key
   * @return the value
   */
  public Object valueAt(int slot) {
    return values[slot];
  }

  /**
   * Returns the key in a slot that {@link #find} or {@link #occupiedSlots} returned.
   *
   * @param slot a slot holding a key
   * @return the key (null for the null key)
   */
  public Object keyAt(int slot) {
    Object key = keys[slot];
    return key == NULL_KEY ? null : key;
  }

  /**
   * Replaces the value in a slot that {@link #find} returned.
   *
   * @param slot a slot holding a key
   * @param value the new value, not null
   */
  public void setValueAt(int slot, Object value) {
    values[slot] = value;
  }

  /**
   * Adds a key that {@link #find} did not find.
   *
   * @param absentSlot the negative number {@link #find} returned for the key, with no insert since
   * @param key the key, may be null
   * @param value the value, not null
   */
  public void insert(int absentSlot, Object key, Object value) {
    int slot = -absentSlot - 1;
    keys[slot] = key == null ? NULL_KEY : key;
    values[slot] = value;
    size++;
    // A load factor of one half keeps probe sequences short.
    if (2 * size > keys.length) {
      grow();
    }
  }

  /**
   * Returns the number of keys.
   *
   * @return zero or more
   */
  public int size() {
    return size;
  }

  /**
   * Returns the slots that hold a key, in slot order: with {@link #keyAt} and {@link #valueAt}, the entries by
   * index.
   *
   * @return {@link #size()} slots
   */
  public int[] occupiedSlots() {
    int[] slots = new int[size];
    int n = 0;
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != null) {
        slots[n++] = slot;
      }
    }
    return slots;
  }

  /**
   * Calls an action with each key and value, in no particular order.
   *
   * @param action receives the key (null for the null key) and the value
   */
  public void forEach(BiConsumer<Object, Object> action) {
    for (int slot = 0; slot < keys.length; slot++) {
      Object key = keys[slot];
      if (key != null) {
        action.accept(key == NULL_KEY ? null : key, values[slot]);
      }
    }
  }

  /**
   * Returns the entries as records made as they are read, in no particular order.
   *
   * @param toRecord makes a record of a key (null for the null key) and its value
   * @param <R> the record type
   * @return the records
   */
  public <R> Iterator<R> entries(BiFunction<Object, Object, R> toRecord) {
    return new Iterator<>() {
      private int next = nextSlotFrom(0);

      @Override
      public boolean hasNext() {
        return next < keys.length;
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Object key = keys[next];
        R record = toRecord.apply(key == NULL_KEY ? null : key, values[next]);
        next = nextSlotFrom(next + 1);
        return record;
      }
    };
  }

  private int nextSlotFrom(int slot) {
    while (slot < keys.length && keys[slot] == null) {
      slot++;
    }
    return slot;
  }

  private static int indexOf(Object maskedKey, int mask) {
    // Spreads the hash over the table: linear probing suffers from hash codes that cluster (small integers).
    int h = maskedKey.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  private void grow() {
    Object[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new Object[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      Object key = oldKeys[i];
      if (key != null) {
        int slot = indexOf(key, mask);
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = oldValues[i];
      }
    }
  }
}

package io.dstream.internal.state;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One batch's values grouped by the entry of their key in a {@link StateTable}: the values are {@link #add
 * added} in their order, each with its key's entry number, then {@link #group grouped} into one flat array in
 * which each entry's values are a contiguous slice (a counting sort by entry, which keeps each key's values in
 * order). A key's values are handed out as a read-only list over its slice, so a batch makes no list or array
 * per key: a million keys cost one slice view each, not a list, its array and a hash map node.
 *
 * <p>The lists stay valid after the batch (the grouped array is never changed once grouped), so an update
 * function may keep them, and a state that holds one is written to snapshots and changelogs and read back
 * ({@link #registerWith}). Not thread-safe: one task fills and reads one instance.
 *
 * @param <V> the value type
 */
public final class GroupedValues<V> {
  private static final int INITIAL_LENGTH = 64;

  private int[] entries;
  private Object[] values;
  private int count;
  // After grouping: the values by entry, and where each entry's slice starts (entry + 1: where it ends).
  private Object[] grouped;
  private int[] starts;

  /**
   * Creates an empty instance with room for some values before its arrays grow.
   *
   * @param expectedValues how many values to make room for (the arrays grow past it); negative if unknown
   */
  public GroupedValues(int expectedValues) {
    int length = expectedValues < 0 ? INITIAL_LENGTH : Math.max(1, expectedValues);
    entries = new int[length];
    values = new Object[length];
  }

  /**
   * Adds a value of the key whose entry number is given.
   *
   * @param entry the key's entry number, zero or more
   * @param value the value, may be null
   * @throws IllegalStateException if the values were grouped already
   */
  public void add(int entry, V value) {
    if (grouped != null) {
      throw new IllegalStateException("values added after grouping; group once, after the last value");
    }
    if (count == entries.length) {
      entries = Arrays.copyOf(entries, count + Math.max(1, count >> 1));
      values = Arrays.copyOf(values, entries.length);
    }
    entries[count] = entry;
    values[count] = value;
    count++;
  }

  /**
   * Returns the number of values added.
   *
   * @return zero or more
   */
  public int count() {
    return count;
  }

  /**
   * Groups the values added by entry. O(values + entries).
   *
   * @param entryCount one more than the highest entry number added (the table's size)
   * @throws IllegalArgumentException if a value was added with an entry number of {@code entryCount} or more
   * @throws IllegalStateException if grouped already
   */
  public void group(int entryCount) {
    if (grouped != null) {
      throw new IllegalStateException("values grouped twice");
    }
    int[] ends = new int[entryCount + 1];
    for (int i = 0; i < count; i++) {
      if (entries[i] >= entryCount) {
        throw new IllegalArgumentException("a value was added for entry " + entries[i] + ", but entryCount is "
            + entryCount + "; pass the table's size after the last value was added");
      }
      ends[entries[i]]++;
    }
    int sum = 0;
    for (int entry = 0; entry < entryCount; entry++) {
      sum += ends[entry];
      ends[entry] = sum;
    }
    ends[entryCount] = count;
    Object[] sorted = new Object[count];
    // Backwards, so that each slice, filled from its end, keeps the values in the order they were added.
    for (int i = count - 1; i >= 0; i--) {
      sorted[--ends[entries[i]]] = values[i];
    }
    grouped = sorted;
    starts = ends;
    entries = null;
    values = null;
  }

  /**
   * Returns the values of an entry, in the order they were added.
   *
   * @param entry an entry number below the {@code entryCount} given to {@link #group}
   * @return a read-only list, which stays valid; empty if the entry has no values
   * @throws IllegalStateException if the values were not grouped yet
   */
  public List<V> valuesOf(int entry) {
    if (grouped == null) {
      throw new IllegalStateException("values read before grouping; call group(entryCount) first");
    }
    int from = starts[Objects.checkIndex(entry, starts.length - 1)];
    int to = starts[entry + 1];
    return from == to ? List.of() : new Slice<>(grouped, from, to);
  }

  /**
   * Registers the lists {@link #valuesOf} hands out with Kryo: written as their values, read back as such a
   * list over an array of their own (Kryo's collection serializer would fill one with {@code add}, which a
   * read-only list refuses), and never copied, being read-only.
   *
   * @param kryo the Kryo instance of the engine's serializer
   */
  public static void registerWith(Kryo kryo) {
    kryo.register(Slice.class, new SliceSerializer());
  }

  /** Writes a slice's values; reads them back as a slice of an array of their own. */
  private static final class SliceSerializer extends Serializer<Slice<?>> {
    SliceSerializer() {
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Slice<?> slice) {
      output.writeVarInt(slice.size, true);
      for (int i = 0; i < slice.size; i++) {
        kryo.writeClassAndObject(output, slice.array[slice.from + i]);
      }
    }

    @Override
    public Slice<?> read(Kryo kryo, Input input, Class<? extends Slice<?>> type) {
      Object[] values = new Object[input.readVarInt(true)];
      for (int i = 0; i < values.length; i++) {
        values[i] = kryo.readClassAndObject(input);
      }
      return new Slice<>(values, 0, values.length);
    }
  }

  /**
   * A read-only list over part of an array that is never changed. Java serialization writes it as an
   * unmodifiable list of its own values, not the whole array.
   */
  private static final class Slice<V> extends AbstractList<V> implements RandomAccess, Serializable {
    private static final long serialVersionUID = 1L;
    private final Object[] array;
    private final int from;
    private final int size;

    Slice(Object[] array, int from, int to) {
      this.array = array;
      this.from = from;
      this.size = to - from;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(int index) {
      return (V) array[from + Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }

    private Object writeReplace() {
      return Collections.unmodifiableList(new ArrayList<>(this));
    }
  }
}

package io.dstream.internal.state;

import io.dstream.Tuple2;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The state of one partition of a state kept by key ({@code updateStateByKey}): entry {@code i} is
 * {@code keys[i]} and {@code states[i]}, two dense arrays, and an open-addressing index of entry numbers (with
 * each key's hash, so that a probe reads no other key) finds a key's entry. An entry costs two array slots and
 * two to four index slots (8 to 16 bytes), with no node or record object per key, and a batch visits every
 * entry in one sequential pass over the arrays.
 *
 * <p>Each batch {@link #copy() copies} the previous batch's table (three array copies, no re-hashing: the
 * partitioner is the same, so every key stays where it was), adds the batch's new keys at the end and sets
 * the states in place; the previous table stays as it was, for a retried task and for readers of the previous
 * batch's state. Entries keep their numbers until {@link #removeEntries} removes some: entries below the size
 * of the table a copy was made from are that table's keys, the others are new.
 *
 * <p>Null keys and null states are allowed (a null state is what a new key has until it is set). Not
 * thread-safe for writing: one task fills a table; once its state is published it is only read.
 *
 * @param <K> the key type
 * @param <S> the state type
 */
public final class StateTable<K, S> {
  private static final int MIN_ENTRIES = 8;

  private Object[] keys;
  private Object[] states;
  private int size;
  // Per slot: the key's spread hash in the high 32 bits and its entry number + 1 in the low 32 bits, 0 for an
  // empty slot, so that a probe skips other keys without reading them; a power of two, at most half full.
  private long[] index;

  private StateTable(Object[] keys, Object[] states, int size, long[] index) {
    this.keys = keys;
    this.states = states;
    this.size = size;
    this.index = index;
  }

  /**
   * Returns an empty table with room for some entries before it grows.
   *
   * @param expectedEntries how many entries to make room for; zero or more
   * @param <K> the key type
   * @param <S> the state type
   * @return the table
   * @throws IllegalArgumentException if {@code expectedEntries} is negative
   */
  public static <K, S> StateTable<K, S> withRoomFor(int expectedEntries) {
    if (expectedEntries < 0) {
      throw new IllegalArgumentException("expectedEntries is " + expectedEntries + "; give zero or more");
    }
    int entries = Math.max(MIN_ENTRIES, expectedEntries);
    return new StateTable<>(new Object[entries], new Object[entries], 0, new long[indexLengthFor(entries)]);
  }

  /**
   * Returns a copy of this table, which the copy's changes leave unchanged. O(entries), no hashing.
   *
   * @return the copy, with the same entries under the same numbers
   */
  public StateTable<K, S> copy() {
    return new StateTable<>(keys.clone(), states.clone(), size, index.clone());
  }

  /**
   * Returns the number of entries.
   *
   * @return zero or more
   */
  public int size() {
    return size;
  }

  /**
   * Finds a key's entry.
   *
   * @param key the key, may be null
   * @return the entry number, or -1 if the key has none
   */
  public int find(Object key) {
    int hash = hash(key);
    int mask = index.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      long indexed = index[slot];
      if (indexed == 0) {
        return -1;
      }
      int entry = (int) indexed - 1;
      if ((int) (indexed >>> 32) == hash && same(key, keys[entry])) {
        return entry;
      }
    }
  }

  /**
   * Finds a key's entry, adding one with a null state at the end if the key has none.
   *
   * @param key the key, may be null
   * @return the entry number
   */
  public int findOrAdd(K key) {
    int hash = hash(key);
    int mask = index.length - 1;
    int slot = hash & mask;
    for (long indexed; (indexed = index[slot]) != 0; slot = (slot + 1) & mask) {
      int entry = (int) indexed - 1;
      if ((int) (indexed >>> 32) == hash && same(key, keys[entry])) {
        return entry;
      }
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, grownLength(size));
      states = Arrays.copyOf(states, keys.length);
    }
    int entry = size++;
    keys[entry] = key;
    index[slot] = indexed(hash, entry);
    if (2 * size > index.length) {
      growIndex();
    }
    return entry;
  }

  /**
   * Returns the key of an entry.
   *
   * @param entry an entry number below {@link #size()}
   * @return the key
   */
  @SuppressWarnings("unchecked")
  public K keyAt(int entry) {
    return (K) keys[Objects.checkIndex(entry, size)];
  }

  /**
   * Returns the state of an entry.
   *
   * @param entry an entry number below {@link #size()}
   * @return the state, null for an entry added and not set since
   */
  @SuppressWarnings("unchecked")
  public S stateAt(int entry) {
    return (S) states[Objects.checkIndex(entry, size)];
  }

  /**
   * Sets the state of an entry.
   *
   * @param entry an entry number below {@link #size()}
   * @param state the state
   */
  public void setStateAt(int entry, S state) {
    states[Objects.checkIndex(entry, size)] = state;
  }

  /**
   * Removes entries; the others keep their order and are numbered again from 0. O(entries) if any is removed.
   *
   * @param removed the numbers of the entries to remove
   */
  public void removeEntries(BitSet removed) {
    if (removed.isEmpty()) {
      return;
    }
    int kept = 0;
    for (int entry = 0; entry < size; entry++) {
      if (!removed.get(entry)) {
        keys[kept] = keys[entry];
        states[kept] = states[entry];
        kept++;
      }
    }
    Arrays.fill(keys, kept, size, null);
    Arrays.fill(states, kept, size, null);
    size = kept;
    if (size < keys.length / 4) {
      // Every batch copies the arrays and keeps its copy: after a burst of keys that then left, they must
      // not stay as long as the burst was large.
      keys = Arrays.copyOf(keys, grownLength(size));
      states = Arrays.copyOf(states, keys.length);
    }
    rebuildIndex(indexLengthFor(Math.max(MIN_ENTRIES, size)));
  }

  /** Returns how many entries the arrays hold before they grow. */
  int capacity() {
    return keys.length;
  }

  /**
   * Returns the entries as a read-only list of {@code (key, state)} records, each made when it is read: the
   * records of a state RDD's partition, which hold the table. Reads see later changes to the table, so view
   * a table only once it is filled.
   *
   * @return the records
   */
  public List<Tuple2<K, S>> records() {
    return new Records<>(this);
  }

  /**
   * Returns the table a list of {@link #records()} views.
   *
   * @param records a list of records
   * @param <K> the key type
   * @param <S> the state type
   * @return the table, or null if the list is not a view of one
   */
  @SuppressWarnings("unchecked")
  public static <K, S> StateTable<K, S> viewedBy(List<Tuple2<K, S>> records) {
    return records instanceof Records<?, ?> view ? (StateTable<K, S>) view.table : null;
  }

  @Override
  public String toString() {
    return "StateTable(" + size + " entries, " + index.length + " index slots)";
  }

  private static int hash(Object key) {
    // Spreads the hash over the index: linear probing suffers from hash codes that cluster (small integers).
    int h = (key == null ? 0 : key.hashCode()) * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private static boolean same(Object key, Object present) {
    return present == key || (key != null && key.equals(present));
  }

  private static long indexed(int hash, int entry) {
    return ((long) hash << 32) | (entry + 1);
  }

  /** The smallest power of two at least twice the entries: an index at most half full. */
  private static int indexLengthFor(int entries) {
    return Integer.highestOneBit(Math.max(MIN_ENTRIES, entries) * 2 - 1) << 1;
  }

  private static int grownLength(int length) {
    return Math.max(MIN_ENTRIES, length + (length >> 1));
  }

  /** Doubles the index, from the hashes it holds: no key is read. */
  private void growIndex() {
    long[] grown = new long[index.length * 2];
    int mask = grown.length - 1;
    for (long indexed : index) {
      if (indexed != 0) {
        int slot = (int) (indexed >>> 32) & mask;
        while (grown[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        grown[slot] = indexed;
      }
    }
    index = grown;
  }

  private void rebuildIndex(int length) {
    long[] rebuilt = new long[length];
    int mask = length - 1;
    for (int entry = 0; entry < size; entry++) {
      int hash = hash(keys[entry]);
      int slot = hash & mask;
      while (rebuilt[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      rebuilt[slot] = indexed(hash, entry);
    }
    index = rebuilt;
  }

  /** The entries of a table as records: what a state RDD keeps for a partition. */
  private static final class Records<K, S> extends AbstractList<Tuple2<K, S>> implements RandomAccess {
    private final StateTable<K, S> table;

    Records(StateTable<K, S> table) {
      this.table = table;
    }

    @Override
    public Tuple2<K, S> get(int entry) {
      return new Tuple2<>(table.keyAt(entry), table.stateAt(entry));
    }

    @Override
    public int size() {
      return table.size;
    }
  }
}

package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The pieces of {@code sortByKey}: the natural key order with clear errors, the per-partition key sample
 * that sets the range bounds, and the sort of one partition.
 */
public final class RangeSort {
  /** How many keys each partition contributes to the sample. */
  public static final int SAMPLE_PER_PARTITION = 64;

  private RangeSort() {}

  @SuppressWarnings("unchecked")
  private static final Comparator<Object> NATURAL_ORDER =
      (a, b) -> ((Comparable<Object>) requireComparable(a)).compareTo(requireComparable(b));

  /**
   * Returns the natural order of keys, failing with a message for null or non-{@link Comparable} keys. Always
   * the same instance, so that a {@link RangePartitioner} can tell that it orders keys this way.
   *
   * @param <K> the key type
   * @return the order
   */
  @SuppressWarnings("unchecked")
  public static <K> Comparator<K> naturalOrder() {
    return (Comparator<K>) NATURAL_ORDER;
  }

  private static Object requireComparable(Object key) {
    if (key == null) {
      throw new IllegalArgumentException("ordering keys without a comparator (sortByKey(), "
          + "repartitionAndSortWithinPartitions, filterByRange) cannot order a null key; pass a "
          + "Comparator such as Comparator.nullsFirst(Comparator.naturalOrder())");
    }
    if (!(key instanceof Comparable<?>)) {
      throw new IllegalArgumentException("ordering keys without a comparator (sortByKey(), "
          + "repartitionAndSortWithinPartitions, filterByRange) needs Comparable keys, but "
          + key.getClass().getName() + " is not Comparable; pass a Comparator");
    }
    return key;
  }

  /**
   * Draws a uniform sample of a partition's keys (reservoir sampling), seeded by the partition index so that
   * a re-run draws the same sample.
   *
   * @param keys the partition's keys
   * @param partition the partition index
   * @param <K> the key type
   * @return up to {@link #SAMPLE_PER_PARTITION} keys
   */
  public static <K> List<K> sample(Iterator<K> keys, int partition) {
    SplittableRandom random = new SplittableRandom(partition);
    List<K> sample = new ArrayList<>(SAMPLE_PER_PARTITION);
    long seen = 0;
    while (keys.hasNext()) {
      K key = keys.next();
      seen++;
      if (sample.size() < SAMPLE_PER_PARTITION) {
        sample.add(key);
      } else {
        long slot = random.nextLong(seen);
        if (slot < SAMPLE_PER_PARTITION) {
          sample.set((int) slot, key);
        }
      }
    }
    return sample;
  }

  /**
   * Sorts one partition's records by key.
   *
   * @param records the records
   * @param comparator the key order
   * @param ascending true for ascending order
   * @param <K> the key type
   * @param <V> the value type
   * @return the sorted records
   */
  public static <K, V> Iterator<Tuple2<K, V>> sortPartition(Iterator<Tuple2<K, V>> records,
      Comparator<K> comparator, boolean ascending) {
    Comparator<Tuple2<K, V>> byKey = (a, b) -> comparator.compare(a._1(), b._1());
    List<Tuple2<K, V>> all = new ArrayList<>();
    records.forEachRemaining(all::add);
    all.sort(ascending ? byKey : byKey.reversed());
    return all.iterator();
  }
}

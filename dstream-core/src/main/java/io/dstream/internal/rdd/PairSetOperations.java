package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.rdd.Partitioner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Set operations on whole pairs ({@code subtract}, {@code intersection} of a pair RDD): two pairs are the same
 * when their keys and their values are equal. Both cogroup the two sides by key, so that a side already
 * partitioned by the target partitioner is not shuffled, and compare the values of one key at a time.
 */
public final class PairSetOperations {
  private PairSetOperations() {}

  /**
   * {@code subtract}: the pairs of {@code node} that do not occur in {@code other}, duplicates of the kept
   * ones kept.
   *
   * @param node the pairs to keep from
   * @param other the pairs to remove
   * @param partitioner where keys go
   * @param <K> the key type
   * @param <V> the value type
   * @return the remaining pairs, placed by {@code partitioner}
   */
  public static <K, V> RddNode<Tuple2<K, V>> subtract(RddNode<Tuple2<K, V>> node, RddNode<Tuple2<K, V>> other,
      Partitioner partitioner) {
    return NarrowOperation.<K, Tuple2<Iterable<V>, Iterable<V>>, V>flatMapValues(groups -> {
      Iterator<V> removed = groups._2().iterator();
      if (!removed.hasNext()) {
        return groups._1().iterator();
      }
      Set<V> absent = new HashSet<>();
      removed.forEachRemaining(absent::add);
      List<V> kept = new ArrayList<>();
      for (V value : groups._1()) {
        if (!absent.contains(value)) {
          kept.add(value);
        }
      }
      return kept.iterator();
    }).on(PairOperations.cogroup(node, other, partitioner));
  }

  /**
   * {@code intersection}: the distinct pairs that occur in both nodes.
   *
   * @param node one side
   * @param other the other side
   * @param partitioner where keys go
   * @param <K> the key type
   * @param <V> the value type
   * @return the common pairs, each once, placed by {@code partitioner}
   */
  public static <K, V> RddNode<Tuple2<K, V>> intersection(RddNode<Tuple2<K, V>> node,
      RddNode<Tuple2<K, V>> other, Partitioner partitioner) {
    return NarrowOperation.<K, Tuple2<Iterable<V>, Iterable<V>>, V>flatMapValues(groups -> {
      Iterator<V> theirs = groups._2().iterator();
      if (!theirs.hasNext()) {
        return Collections.emptyIterator();
      }
      Set<V> present = new HashSet<>();
      theirs.forEachRemaining(present::add);
      Set<V> common = new LinkedHashSet<>();
      for (V value : groups._1()) {
        if (present.contains(value)) {
          common.add(value);
        }
      }
      return common.iterator();
    }).on(PairOperations.cogroup(node, other, partitioner));
  }
}

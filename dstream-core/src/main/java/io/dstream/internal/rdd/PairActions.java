package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.function.Function2;
import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.Partitioner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pair actions that run a job without a shuffle: {@code lookup} and {@code reduceByKeyLocally}.
 */
public final class PairActions {
  private PairActions() {}

  /**
   * {@code lookup}: the values of one key, reading only the partition the node's partitioner gives the key,
   * or every partition if the node has no partitioner.
   *
   * @param node the pairs
   * @param key the key, may be null
   * @param <K> the key type
   * @param <V> the value type
   * @return the key's values, in partition order
   * @throws JobFailedException if a task fails
   */
  public static <K, V> List<V> lookup(RddNode<Tuple2<K, V>> node, K key) {
    Partitioner partitioner = node.partitioner();
    int[] partitions;
    if (partitioner == null) {
      partitions = new int[node.numPartitions()];
      for (int i = 0; i < partitions.length; i++) {
        partitions[i] = i;
      }
    } else {
      partitions = new int[] {partitioner.getPartition(key)};
    }
    List<V> values = new ArrayList<>();
    for (List<V> part : node.engine().jobRunner().runJob(node, partitions, (p, records) -> {
      List<V> found = new ArrayList<>();
      while (records.hasNext()) {
        Tuple2<K, V> kv = records.next();
        if (Objects.equals(kv._1(), key)) {
          found.add(kv._2());
        }
      }
      return found;
    })) {
      values.addAll(part);
    }
    return values;
  }

  /**
   * {@code reduceByKeyLocally}: each task reduces its partition by key into a map, and the maps are merged
   * on the calling thread. No shuffle.
   *
   * @param node the pairs
   * @param f an associative and commutative function; may modify and return its first argument
   * @param <K> the key type
   * @param <V> the value type
   * @return a new map from each key to its reduced value
   * @throws JobFailedException if a task fails, or {@code f} fails while merging the tasks' maps
   */
  public static <K, V> Map<K, V> reduceByKeyLocally(RddNode<Tuple2<K, V>> node, Function2<V, V, V> f) {
    Aggregator<K, V, V> reducing = Aggregator.reducing(f, node.engine().valueCopier());
    List<CombineMap> perPartition = node.engine().jobRunner().runJob(node, (p, records) -> {
      CombineMap reduced = new CombineMap();
      while (records.hasNext()) {
        Tuple2<K, V> kv = ShuffleDependency.requirePair(records.next());
        reducing.addValue(reduced, kv._1(), kv._2());
      }
      return reduced;
    });
    CombineMap merged = new CombineMap();
    try {
      for (CombineMap partition : perPartition) {
        partition.forEach((key, stored) -> reducing.addCombiner(merged, key, stored));
      }
    } catch (RuntimeException e) {
      Throwable cause = UserCodeException.unwrap(e);
      throw new JobFailedException("reduceByKeyLocally: the function failed while merging the tasks' results: "
          + cause, cause);
    }
    Map<K, V> result = new HashMap<>();
    for (Iterator<Tuple2<K, V>> it = Aggregator.records(merged); it.hasNext(); ) {
      Tuple2<K, V> kv = it.next();
      result.put(kv._1(), kv._2());
    }
    return result;
  }
}

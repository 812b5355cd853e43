package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.rdd.HashPartitioner;
import java.util.ArrayList;
import java.util.List;

/**
 * The RDD operations that are not a single {@link NarrowOperation}: unions, changes of the partition count,
 * and {@code take}. The one implementation of each, which the public {@code RDD} methods and the stream
 * operators both call; key-value operations are in {@link PairOperations}.
 */
public final class RddOperations {
  private RddOperations() {}

  /**
   * Returns the records of several nodes side by side (duplicates kept), without moving data.
   *
   * @param nodes the nodes, at least one, all of one engine
   * @param <T> the record type
   * @return the union
   */
  public static <T> RddNode<T> union(List<RddNode<T>> nodes) {
    return new UnionRddNode<>(nodes.get(0).engine(), nodes);
  }

  /**
   * Returns a node with no partitions.
   *
   * @param engine the engine it belongs to
   * @param <T> the record type
   * @return the empty node
   */
  public static <T> RddNode<T> empty(Engine engine) {
    return new ParallelCollectionRddNode<>(engine, List.of(), 0);
  }

  /**
   * {@code coalesce}: fewer partitions, by merging neighbouring ones or by a shuffle.
   *
   * @param node the node
   * @param numPartitions the target number of partitions
   * @param shuffle true to redistribute records evenly through a shuffle, false to merge neighbours
   * @param <T> the record type
   * @return the coalesced node
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public static <T> RddNode<T> coalesce(RddNode<T> node, int numPartitions, boolean shuffle) {
    requirePositive("coalesce", numPartitions);
    return shuffle ? repartition(node, numPartitions) : new CoalescedRddNode<>(node, numPartitions);
  }

  /**
   * {@code repartition}: the records spread evenly over a number of partitions. Shuffles.
   *
   * @param node the node
   * @param numPartitions the number of partitions
   * @param <T> the record type
   * @return the repartitioned node
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public static <T> RddNode<T> repartition(RddNode<T> node, int numPartitions) {
    requirePositive("repartition", numPartitions);
    RddNode<Tuple2<Integer, T>> numbered = new NarrowOperation<T, Tuple2<Integer, T>>("repartition", (p, it) -> {
      int[] position = {p};
      return Iterators.map(it, x -> new Tuple2<>(position[0]++, x));
    }, false).on(node);
    ShuffleDependency<Integer, T, T> shuffle =
        new ShuffleDependency<>(numbered, new HashPartitioner(numPartitions), null, false);
    return NarrowOperation.<Tuple2<Integer, T>, T>map(Tuple2::_2).on(new ShuffledRddNode<>(shuffle, "repartition"));
  }

  /**
   * {@code distinct}: the records without duplicates. Shuffles.
   *
   * @param node the node
   * @param numPartitions the number of partitions
   * @param <T> the record type
   * @return the distinct records
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public static <T> RddNode<T> distinct(RddNode<T> node, int numPartitions) {
    RddNode<Tuple2<T, Boolean>> marked = NarrowOperation.<T, T, Boolean>mapToPair(x -> new Tuple2<>(x, Boolean.TRUE))
        .on(node);
    RddNode<Tuple2<T, Boolean>> reduced =
        PairOperations.reduceByKey(marked, PairOperations.hash("reduceByKey", numPartitions), (a, b) -> a);
    return NarrowOperation.<Tuple2<T, Boolean>, T>map(Tuple2::_1).on(reduced);
  }

  /**
   * {@code take}: the first {@code n} records, computing as few partitions as it can: first one partition,
   * then four times as many as long as records are missing.
   *
   * @param node the node
   * @param n how many records
   * @param <T> the record type
   * @return up to {@code n} records
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws io.dstream.rdd.JobFailedException if a task fails
   */
  public static <T> List<T> take(RddNode<T> node, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("take(" + n + "): the count must not be negative");
    }
    List<T> taken = new ArrayList<>(Math.min(n, 1024));
    int total = node.numPartitions();
    int scanned = 0;
    int batch = 1;
    while (taken.size() < n && scanned < total) {
      int[] partitions = new int[Math.min(batch, total - scanned)];
      for (int i = 0; i < partitions.length; i++) {
        partitions[i] = scanned + i;
      }
      int wanted = n - taken.size();
      for (List<T> part : node.engine().jobRunner().runJob(node, partitions, (p, it) -> {
        List<T> list = new ArrayList<>();
        while (list.size() < wanted && it.hasNext()) {
          list.add(it.next());
        }
        return list;
      })) {
        for (T x : part) {
          if (taken.size() < n) {
            taken.add(x);
          }
        }
      }
      scanned += partitions.length;
      batch *= 4;
    }
    return taken;
  }

  /**
   * Checks a partition count given to an operation.
   *
   * @param operation the operation's name, for the message
   * @param numPartitions the count
   * @throws IllegalArgumentException if the count is not positive
   */
  public static void requirePositive(String operation, int numPartitions) {
    if (numPartitions <= 0) {
      throw new IllegalArgumentException(
          operation + ": the number of partitions must be positive, got " + numPartitions);
    }
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.internal.rdd.RddAccess;
import io.dstream.rdd.Partitioner;
import io.dstream.rdd.RDD;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An output operation for tests that records, for every batch, the RDD it was given and that RDD's
 * layout: its batch time, partition count, partitioner and the records of each partition.
 *
 * @param <T> the record type
 */
final class PartitionedOutput<T> {
  /** What one batch's RDD looked like. */
  record Batch<T>(Time time, RDD<T> rdd, int numPartitions, Optional<Partitioner> partitioner,
      List<List<T>> partitions) {
    List<T> records() {
      return partitions.stream().flatMap(List::stream).toList();
    }
  }

  private final List<Batch<T>> batches = new ArrayList<>();

  private PartitionedOutput() {}

  /** Registers the output operation on a stream (after those defined before). */
  static <T> PartitionedOutput<T> of(DStreamLike<T, ?, ?> stream) {
    PartitionedOutput<T> output = new PartitionedOutput<>();
    stream.foreachRDD((rdd, time) -> output.add(new Batch<>(time, rdd, rdd.getNumPartitions(),
        Optional.ofNullable(RddAccess.node(rdd).partitioner()), rdd.glom().collect())));
    return output;
  }

  private synchronized void add(Batch<T> batch) {
    batches.add(batch);
  }

  synchronized List<Batch<T>> batches() {
    return List.copyOf(batches);
  }

  /** Returns the records of each batch, in partition order. */
  List<List<T>> records() {
    return batches().stream().map(Batch::records).toList();
  }

  /** Returns the batch times, oldest first. */
  List<Time> times() {
    return batches().stream().map(Batch::time).toList();
  }

  /** Returns each batch's partition count. */
  List<Integer> partitionCounts() {
    return batches().stream().map(Batch::numPartitions).toList();
  }

  /**
   * Asserts that every batch was laid out by the partitioner: it is the RDD's partitioner, the RDD has its
   * partition count, and every record sits in the partition the partitioner gives its key.
   */
  void assertPlacedBy(Partitioner partitioner) {
    assertThat(batches()).isNotEmpty();
    for (Batch<T> batch : batches()) {
      assertThat(batch.partitioner()).as("partitioner of batch %s", batch.time()).contains(partitioner);
      assertThat(batch.numPartitions()).as("partitions of batch %s", batch.time())
          .isEqualTo(partitioner.numPartitions());
      for (int p = 0; p < batch.partitions().size(); p++) {
        for (T record : batch.partitions().get(p)) {
          Object key = ((Tuple2<?, ?>) record)._1();
          assertThat(partitioner.getPartition(key)).as("partition of %s in batch %s", record, batch.time())
              .isEqualTo(p);
        }
      }
    }
  }
}

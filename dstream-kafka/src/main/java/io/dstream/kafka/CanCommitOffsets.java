package io.dstream.kafka;

import org.apache.kafka.clients.consumer.OffsetCommitCallback;

/**
 * A direct stream that stores progress in its Kafka consumer group ({@code group.id}), for monitoring and for a
 * restart without a checkpoint. The checkpoint, not the group, is what makes a restart exactly once: commit
 * after the batch's output is stored, and know that a crash between the two leaves the group behind.
 */
public interface CanCommitOffsets {
  /**
   * Queues the ends of the ranges to be committed to the consumer group; the stream commits them when it
   * generates its next batch.
   *
   * @param offsetRanges the ranges whose records are processed
   * @throws IllegalArgumentException if {@code offsetRanges} is null
   */
  void commitAsync(OffsetRange[] offsetRanges);

  /**
   * Queues the ends of the ranges to be committed to the consumer group, and calls {@code callback} when Kafka
   * answers.
   *
   * @param offsetRanges the ranges whose records are processed
   * @param callback told of the commit's success or failure, on the stream's thread
   * @throws IllegalArgumentException if an argument is null
   */
  void commitAsync(OffsetRange[] offsetRanges, OffsetCommitCallback callback);
}

package io.dstream.kafka.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer of one partition, used by one worker thread, cached between batches: a batch's range usually starts
 * where the previous batch's range of the partition ended, and then the records already fetched are used
 * without a seek.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class PartitionConsumer<K, V> implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<K, V> consumer;
  private final TopicPartition partition;
  private List<ConsumerRecord<K, V>> buffer = List.of();
  private int index;
  // The offset the buffer and then the consumer go on from; -1 before the first seek.
  private long expected = -1;

  PartitionConsumer(Consumer<K, V> consumer, TopicPartition partition) {
    this.consumer = consumer;
    this.partition = partition;
    consumer.assign(Set.of(partition));
  }

  /**
   * Returns the first record at or after {@code offset} and before {@code until}, or null if there is none: the
   * offsets in between may have no record (a compacted topic, transaction markers, aborted records under
   * {@code read_committed}).
   *
   * @param offset the offset to read from
   * @param until the end of the range, exclusive
   * @param timeoutNanos how long to wait for the broker before giving up
   * @return the record, or null at the end of the range
   * @throws IllegalStateException if no record nor the end came within the timeout
   */
  ConsumerRecord<K, V> next(long offset, long until, long timeoutNanos) {
    if (offset != expected) {
      consumer.seek(partition, offset);
      buffer = List.of();
      index = 0;
      expected = offset;
    }
    long deadline = System.nanoTime() + timeoutNanos;
    while (true) {
      if (index < buffer.size()) {
        ConsumerRecord<K, V> record = buffer.get(index);
        if (record.offset() >= until) {
          // The offsets up to `until` have no record: the next range can go on from the buffer.
          expected = until;
          return null;
        }
        index++;
        expected = record.offset() + 1;
        return record;
      }
      if (consumer.position(partition) >= until) {
        expected = until;
        return null;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no record of " + partition + " at offset " + expected + " or later before "
            + until + " came within " + Duration.ofNanos(timeoutNanos).toMillis() + " ms, though the range existed "
            + "when the batch was generated; check that the broker is reachable (dstream.kafka.pollTimeout)");
      }
      buffer = consumer.poll(POLL).records(partition);
      index = 0;
    }
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}

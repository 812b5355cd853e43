package io.dstream.kafka.internal;

import io.dstream.Time;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.scaleout.StateChangelog;
import io.dstream.internal.state.StateChanges;
import io.dstream.internal.state.StateSnapshot;
import io.dstream.scheduler.StreamingListenerEvent;
import io.dstream.scheduler.StreamingListenerStateRestored;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A state's changelog: a compacted topic with one partition per partition of the state. Each batch's changes of
 * a partition are sent in the batch's transaction (key: the key's bytes; value: a header byte, the update time
 * where the state has one, and the state's bytes; a removed key's value is null, a tombstone). A new owner
 * restores a partition by reading it from the beginning to its end, keeping each key's latest value.
 */
final class KafkaStateChangelog implements StateChangelog {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaStateChangelog.class);
  private static final byte UNTIMED = 0;
  private static final byte TIMED = 1;
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long SETTLE_BACKOFF_MILLIS = 50;
  // A restore reads records that are all there already (up to the settled end), so its fetches need not wait
  // for more: with the default fetch.max.wait.ms (500 ms) each partition's restore took about half a second
  // longer (ScaleOutBenchmark, docs/performance.md).
  private static final int RESTORE_FETCH_MAX_WAIT_MS = 10;
  // Large fetches and polls, so that a partition of a million keys comes in a few round trips instead of one per
  // megabyte (the default max.partition.fetch.bytes); at most this much per restoring worker thread.
  private static final int RESTORE_PARTITION_FETCH_BYTES = 8 << 20;
  private static final int RESTORE_MAX_POLL_RECORDS = 100_000;

  private final String topic;
  private final Serializer serializer;
  private final BatchTransaction transaction;
  private final Map<String, Object> restoreConfig;
  private final Admin admin;
  private final Duration settleTimeout;
  private final Duration readTimeout;
  private final Consumer<StreamingListenerEvent> events;

  /**
   * Creates the changelog of an existing topic.
   *
   * @param topic the compacted topic
   * @param serializer writes and reads keys and states
   * @param transaction the batches' transaction the changes are sent in
   * @param restoreConfig the settings of the consumers that restore partitions (their fetch sizes and waits are
   *     set here)
   * @param admin tells whether a partition has an open transaction
   * @param settleTimeout how long a restore waits for the previous owner's last transaction to end
   * @param readTimeout how long a restore waits for the next records before it fails
   * @param events where restore events go
   */
  KafkaStateChangelog(String topic, Serializer serializer, BatchTransaction transaction,
      Map<String, Object> restoreConfig, Admin admin, Duration settleTimeout, Duration readTimeout,
      Consumer<StreamingListenerEvent> events) {
    this.topic = topic;
    this.serializer = serializer;
    this.transaction = transaction;
    Map<String, Object> config = new HashMap<>(restoreConfig);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, RESTORE_FETCH_MAX_WAIT_MS);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, RESTORE_PARTITION_FETCH_BYTES);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, RESTORE_MAX_POLL_RECORDS);
    this.restoreConfig = Map.copyOf(config);
    this.admin = admin;
    this.settleTimeout = settleTimeout;
    this.readTimeout = readTimeout;
    this.events = events;
  }

  @Override
  public void write(Time batch, int partition, StateChanges changes) {
    StateSnapshot.Partition changed = changes.changed();
    boolean timed = changed.updateTimes().length > 0;
    for (int i = 0; i < changed.keys().length; i++) {
      byte[] state = serializer.serialize(changed.states()[i]);
      ByteBuffer value = ByteBuffer.allocate(1 + (timed ? Long.BYTES : 0) + state.length);
      value.put(timed ? TIMED : UNTIMED);
      if (timed) {
        value.putLong(changed.updateTimes()[i]);
      }
      value.put(state);
      transaction.send(batch, new ProducerRecord<>(topic, partition, serializer.serialize(changed.keys()[i]),
          value.array()));
    }
    for (Object removed : changes.removed()) {
      transaction.send(batch, new ProducerRecord<>(topic, partition, serializer.serialize(removed), null));
    }
  }

  @Override
  public StateSnapshot.Partition restore(int partition) throws Exception {
    long start = System.nanoTime();
    TopicPartition changelog = new TopicPartition(topic, partition);
    long end = settledEnd(changelog);
    Map<ByteBuffer, byte[]> latest = new HashMap<>();
    long records = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(restoreConfig)) {
      consumer.assign(List.of(changelog));
      consumer.seekToBeginning(List.of(changelog));
      long lastProgress = System.nanoTime();
      long position = consumer.position(changelog);
      while (position < end) {
        if (System.nanoTime() - lastProgress > readTimeout.toNanos()) {
          throw new IllegalStateException("could not restore " + changelog + ": no records arrived for "
              + readTimeout.toSeconds() + " s (dstream.kafka.pollTimeout) at offset " + position + " of " + end
              + "; is the broker reachable?");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          if (record.offset() >= end) {
            break;
          }
          records++;
          if (record.value() == null) {
            latest.remove(ByteBuffer.wrap(record.key()));
          } else {
            latest.put(ByteBuffer.wrap(record.key()), record.value());
          }
        }
        long now = consumer.position(changelog);
        if (now > position) {
          position = now;
          lastProgress = System.nanoTime();
        }
      }
    }
    StateSnapshot.Partition state = decode(latest);
    long millis = (System.nanoTime() - start) / 1_000_000;
    LOG.info("Restored {} keys of {} from {} changelog records in {} ms ({} keys/s)", state.keys().length,
        changelog, records, millis, millis == 0 ? state.keys().length : state.keys().length * 1000L / millis);
    events.accept(new StreamingListenerStateRestored(topic, partition, state.keys().length, records, millis));
    return state;
  }

  /**
   * Returns the partition's end once no transaction is open on it: the previous owner's last batch may still be
   * committing (its offsets can be committed a moment before its changes are visible), or, if it crashed,
   * open until the broker aborts it.
   */
  private long settledEnd(TopicPartition changelog) throws Exception {
    long deadline = System.nanoTime() + settleTimeout.toNanos();
    while (true) {
      long committedEnd = end(changelog, IsolationLevel.READ_COMMITTED);
      long end = end(changelog, IsolationLevel.READ_UNCOMMITTED);
      if (committedEnd >= end) {
        return end;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(changelog + " has had an open transaction for " + settleTimeout.toSeconds()
            + " s (offsets " + committedEnd + " to " + end + "), so its state cannot be restored; is a previous "
            + "owner of the partition still running without being in the consumer group?");
      }
      Thread.sleep(SETTLE_BACKOFF_MILLIS);
    }
  }

  private long end(TopicPartition partition, IsolationLevel isolation) throws Exception {
    return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(isolation))
        .partitionResult(partition).get().offset();
  }

  private StateSnapshot.Partition decode(Map<ByteBuffer, byte[]> latest) throws CorruptDataException {
    int size = latest.size();
    Object[] keys = new Object[size];
    Object[] states = new Object[size];
    long[] times = new long[size];
    boolean timed = false;
    int i = 0;
    for (Map.Entry<ByteBuffer, byte[]> entry : latest.entrySet()) {
      ByteBuffer value = ByteBuffer.wrap(entry.getValue());
      timed = value.get() == TIMED;
      if (timed) {
        times[i] = value.getLong();
      }
      byte[] state = new byte[value.remaining()];
      value.get(state);
      keys[i] = serializer.deserialize(entry.getKey().array());
      states[i] = serializer.deserialize(state);
      i++;
    }
    return new StateSnapshot.Partition(keys, states, timed ? times : new long[0]);
  }

  @Override
  public String toString() {
    return "changelog " + topic;
  }
}

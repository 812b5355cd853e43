package io.dstream.kafka.internal;

import io.dstream.Time;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.InputStreamNode;
import io.dstream.internal.stream.RecoverableInput;
import io.dstream.kafka.OffsetRange;
import io.dstream.rdd.RDD;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka direct stream: no receiver. At each batch time it decides, on the job generator's thread, each
 * partition's offset range {@code [from, until)}: {@code from} is where the previous batch's range ended,
 * {@code until} the partition's latest offset, capped at {@code maxRecordsPerPartition}. The batch's RDD reads
 * exactly those records when its tasks run ({@link KafkaRddNode}).
 *
 * <p>The ranges of every remembered or unfinished batch (and of every batch after the latest snapshot of a
 * stateful stream, which a restart computes again), and the next offset of every partition, are this
 * stream's {@link #progress()}: after {@code getOrCreate} a batch run again reads exactly the records it read
 * before, and the next batch goes on where the last generated one ended.
 *
 * <p>Where a partition starts when this stream first sees it: at the offset given to the strategy; else, at the
 * first batch of a stream without progress, at the group's committed offset or by {@code auto.offset.reset}
 * ({@code latest} by default); a partition that appears later starts at its beginning.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class DirectKafkaInputStreamNode<K, V> extends InputStreamNode<ConsumerRecord<K, V>>
    implements RecoverableInput {
  private static final Logger LOG = LoggerFactory.getLogger(DirectKafkaInputStreamNode.class);
  private static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  private final Engine engine;
  private final PartitionSource source;
  private final Map<String, Object> kafkaParams;
  private final Map<TopicPartition, Long> givenOffsets;
  private final long maxRecordsPerPartition;
  private final Duration timeout;
  private final ConsumerPool<K, V> consumers;
  private final BiFunction<RDD<ConsumerRecord<K, V>>, List<OffsetRange>, RDD<ConsumerRecord<K, V>>> userRdd;
  private final ConcurrentLinkedQueue<Commit> commits = new ConcurrentLinkedQueue<>();
  // The fields below belong to the job generator's thread (restoration and stop happen while it does not run).
  private final TreeMap<Time, List<OffsetRange>> rangesByBatch = new TreeMap<>();
  private final Map<TopicPartition, Long> next = new HashMap<>();
  private Consumer<byte[], byte[]> driver;
  private boolean warnedForgottenBatch;

  private record Commit(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {}

  /**
   * Creates the stream.
   *
   * @param graph the graph
   * @param engine the engine the batches run on
   * @param source which partitions to read
   * @param kafkaParams the consumer settings the user gave
   * @param givenOffsets where given partitions start
   * @param maxRecordsPerPartition the most offsets of one partition in one batch, or 0 for no limit
   * @param timeout how long a task waits for a record, and the driver for metadata
   * @param userRdd makes the RDD a user function receives from the plain one and the batch's ranges
   */
  public DirectKafkaInputStreamNode(DStreamGraph graph, Engine engine, PartitionSource source,
      Map<String, Object> kafkaParams, Map<TopicPartition, Long> givenOffsets, long maxRecordsPerPartition,
      Duration timeout,
      BiFunction<RDD<ConsumerRecord<K, V>>, List<OffsetRange>, RDD<ConsumerRecord<K, V>>> userRdd) {
    super(graph);
    this.engine = engine;
    this.source = source;
    this.kafkaParams = Map.copyOf(kafkaParams);
    this.givenOffsets = Map.copyOf(givenOffsets);
    this.maxRecordsPerPartition = maxRecordsPerPartition;
    this.timeout = timeout;
    this.consumers = new ConsumerPool<>(workerConfig(kafkaParams));
    this.userRdd = userRdd;
  }

  /** The tasks' consumers: no group (they are assigned their partition), no commits, no silent reset. */
  private static Map<String, Object> workerConfig(Map<String, Object> kafkaParams) {
    Map<String, Object> config = new HashMap<>(kafkaParams);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    return config;
  }

  /**
   * Queues offsets to commit to the consumer group with the next batch's generation.
   *
   * @param ranges the processed ranges
   * @param callback told of the outcome, or null
   */
  public void commitAsync(List<OffsetRange> ranges, OffsetCommitCallback callback) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    ranges.forEach(range -> offsets.put(range.topicPartition(), new OffsetAndMetadata(range.untilOffset())));
    commits.add(new Commit(offsets, callback));
  }

  @Override
  protected synchronized RddNode<ConsumerRecord<K, V>> compute(Time time) {
    List<OffsetRange> ranges = rangesByBatch.get(time);
    if (ranges == null) {
      if (!rangesByBatch.isEmpty() && !time.greater(rangesByBatch.lastKey())) {
        if (!warnedForgottenBatch) {
          warnedForgottenBatch = true;
          LOG.warn("{} was asked again for batch {} after forgetting its offset ranges; the batch has no RDD "
              + "(further cases are logged at DEBUG)", this, time);
        } else {
          LOG.debug("{} was asked again for forgotten batch {}; it has no RDD", this, time);
        }
        return null;
      }
      ranges = nextRanges();
      rangesByBatch.put(time, ranges);
      LOG.debug("{} takes {} for batch {}", this, ranges, time);
    }
    return new KafkaRddNode<>(engine, ranges, consumers, timeout.toNanos(), userRdd);
  }

  private List<OffsetRange> nextRanges() {
    Consumer<byte[], byte[]> consumer = driver();
    commitQueued(consumer);
    Set<TopicPartition> partitions = source.partitions(consumer, timeout);
    for (TopicPartition known : next.keySet()) {
      if (!partitions.contains(known)) {
        throw new IllegalStateException(this + " reads " + known + " up to offset " + next.get(known)
            + ", but the broker no longer has that partition (was its topic deleted?); restore the topic, or start "
            + "the stream afresh without its checkpoint");
      }
    }
    List<TopicPartition> unknown = partitions.stream().filter(p -> !next.containsKey(p)).toList();
    if (!unknown.isEmpty()) {
      next.putAll(startingOffsets(consumer, unknown, next.isEmpty()));
    }
    List<TopicPartition> sorted = new ArrayList<>(next.keySet());
    sorted.sort(BY_TOPIC_AND_PARTITION);
    Map<TopicPartition, Long> earliest = consumer.beginningOffsets(sorted, timeout);
    Map<TopicPartition, Long> latest = consumer.endOffsets(sorted, timeout);
    List<OffsetRange> ranges = new ArrayList<>(sorted.size());
    for (TopicPartition partition : sorted) {
      long from = next.get(partition);
      long first = earliest.get(partition);
      long end = latest.get(partition);
      if (from < first || from > end) {
        throw new IllegalStateException(this + " would read " + partition + " from offset " + from + ", which is "
            + "out of its range [" + first + ", " + end + "] on the broker: " + (from < first
                ? "the records before " + first + " were deleted (retention) before they were read"
                : "the offset was never written") + "; start the stream from an offset in range");
      }
      long until = maxRecordsPerPartition > 0 ? Math.min(end, from + maxRecordsPerPartition) : end;
      ranges.add(OffsetRange.create(partition, from, until));
    }
    ranges.forEach(range -> next.put(range.topicPartition(), range.untilOffset()));
    return List.copyOf(ranges);
  }

  private Map<TopicPartition, Long> startingOffsets(Consumer<byte[], byte[]> consumer, List<TopicPartition> unknown,
      boolean firstBatch) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    List<TopicPartition> rest = new ArrayList<>();
    for (TopicPartition partition : unknown) {
      Long given = givenOffsets.get(partition);
      if (given != null) {
        offsets.put(partition, given);
      } else {
        rest.add(partition);
      }
    }
    if (rest.isEmpty()) {
      return offsets;
    }
    if (!firstBatch) {
      LOG.info("{} reads the new partitions {} from their beginning", this, rest);
      offsets.putAll(consumer.beginningOffsets(rest, timeout));
      return offsets;
    }
    if (kafkaParams.get(ConsumerConfig.GROUP_ID_CONFIG) != null) {
      consumer.committed(Set.copyOf(rest), timeout).forEach((partition, committed) -> {
        if (committed != null) {
          offsets.put(partition, committed.offset());
        }
      });
      rest.removeAll(offsets.keySet());
    }
    if (rest.isEmpty()) {
      return offsets;
    }
    String reset = String.valueOf(kafkaParams.getOrDefault(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
    switch (reset) {
      case "earliest" -> offsets.putAll(consumer.beginningOffsets(rest, timeout));
      case "latest" -> offsets.putAll(consumer.endOffsets(rest, timeout));
      default -> throw new IllegalStateException(this + " has no offset to start " + rest + " from: none was "
          + "given, none is committed, and auto.offset.reset is '" + reset + "'; give offsets to the consumer "
          + "strategy or set auto.offset.reset to earliest or latest");
    }
    return offsets;
  }

  private Consumer<byte[], byte[]> driver() {
    if (driver == null) {
      Map<String, Object> config = new HashMap<>(kafkaParams);
      config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
      config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      driver = new KafkaConsumer<>(config);
    }
    return driver;
  }

  /**
   * Commits the queued offsets, each in one synchronous round trip bounded by the timeout, and tells each
   * commit's callback its outcome. Synchronous because the driver consumer never polls, and Kafka runs the
   * callbacks of asynchronous commits only inside a later poll of the committing consumer: they would never
   * run. A failed commit is logged and given to its callback; the stream goes on (a later commit of later
   * offsets supersedes it).
   */
  private void commitQueued(Consumer<byte[], byte[]> consumer) {
    for (Commit commit = commits.poll(); commit != null; commit = commits.poll()) {
      Exception failure = null;
      try {
        consumer.commitSync(commit.offsets(), timeout);
      } catch (KafkaException e) {
        failure = e;
        LOG.warn("{} could not commit the offsets {} to its consumer group: {}", this, commit.offsets(),
            e.toString());
      }
      if (commit.callback() != null) {
        commit.callback().onComplete(commit.offsets(), failure);
      }
    }
  }

  @Override
  protected synchronized void onStop() {
    consumers.close();
    if (driver != null) {
      commitQueued(driver);
      driver.close(CloseOptions.timeout(timeout));
      driver = null;
    }
  }

  @Override
  public synchronized Object progress() {
    return new KafkaStreamProgress(new LinkedHashMap<>(next), new TreeMap<>(rangesByBatch)).encode();
  }

  @Override
  public synchronized void restoreProgress(Object progress) {
    KafkaStreamProgress restored = KafkaStreamProgress.decode(progress, this);
    next.clear();
    next.putAll(restored.next());
    rangesByBatch.clear();
    rangesByBatch.putAll(restored.batches());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Keeps the ranges of the batches within the remember duration (a downstream window recomputes them after
   * a restart), of the batches after {@code recomputedAfter} (a downstream state restored from a snapshot
   * recomputes them) and of unfinished batches.
   */
  @Override
  public synchronized void forgetProgress(Time completed, Set<Time> unfinished, Time recomputedAfter) {
    Time remembered = completed.minus(rememberDuration());
    Time oldestNeeded = recomputedAfter.less(remembered) ? recomputedAfter : remembered;
    rangesByBatch.keySet().removeIf(t -> !t.greater(oldestNeeded) && !unfinished.contains(t));
  }

  /**
   * {@inheritDoc}
   *
   * <p>True: a batch's ranges end at the partitions' latest offsets when it is generated, which a restart could
   * not know again without the checkpoint.
   */
  @Override
  public boolean requiresDurableGeneration() {
    return true;
  }

  @Override
  public String operationName() {
    return "directKafkaStream";
  }

  /** What it reads: its progress names partitions of those topics. */
  @Override
  public Map<String, String> parameters() {
    return Map.of("source", source.describe());
  }
}

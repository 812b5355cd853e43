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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka direct stream: no receiver. At each batch time it decides, on the job generator's thread, each
 * partition's offset range {@code [from, until)}: {@code from} is where the previous batch's range ended,
 * {@code until} the partition's latest offset, capped by the {@link RateLimit}. The batch's RDD reads exactly
 * those records when its tasks run ({@link KafkaRddNode}).
 *
 * <p>Each batch costs the broker one request for the topics' partitions and one for each end of the partitions'
 * offsets (and, at the first batch of a consumer group, one for its committed offsets). While the broker does
 * not answer them the batch waits ({@link BrokerOutageRetry}); a {@code from} the broker no longer has is
 * handled by {@link OutOfRangeOffsets}.
 *
 * <p>The ranges of every remembered or unfinished batch, and the next offset of every partition, are this
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
  private final RateLimit rateLimit;
  private final KafkaReadSettings settings;
  private final ConsumerPool<K, V> consumers;
  private final BiFunction<RDD<ConsumerRecord<K, V>>, List<OffsetRange>, RDD<ConsumerRecord<K, V>>> userRdd;
  private final ConcurrentLinkedQueue<Commit> commits = new ConcurrentLinkedQueue<>();
  private final OutOfRangeOffsets outOfRange;
  private final BrokerOutageRetry outageRetry;
  private final InstanceGroup group;
  // Written by the job generator's thread only; also read, without the node's lock, by a job thread committing
  // a scale-out batch (offsetsToCommit), hence a concurrent map.
  private final ConcurrentSkipListMap<Time, List<OffsetRange>> rangesByBatch = new ConcurrentSkipListMap<>();
  // The fields below belong to the job generator's thread (restoration and stop happen while it does not run).
  private final Map<TopicPartition, Long> next = new HashMap<>();
  private Consumer<byte[], byte[]> driver;
  private boolean warnedForgottenBatch;
  private InstanceGroup.BatchView groupView;

  private record Commit(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {}

  /**
   * What the broker told for one batch.
   *
   * @param partitions every partition the batch reads, sorted
   * @param earliest each partition's first offset
   * @param latest each partition's end
   * @param committed the group's committed offsets of the partitions the stream starts now, where it has some
   */
  private record BrokerView(List<TopicPartition> partitions, Map<TopicPartition, Long> earliest,
      Map<TopicPartition, Long> latest, Map<TopicPartition, OffsetAndMetadata> committed) {}

  /**
   * Creates the stream.
   *
   * @param graph the graph
   * @param engine the engine the batches run on
   * @param source which partitions to read
   * @param kafkaParams the consumer settings the user gave
   * @param givenOffsets where given partitions start
   * @param rateLimit caps each partition's range
   * @param settings how tasks read and how long broker requests wait
   * @param contextActive tells whether the context still runs: while it does, a batch waits for the broker
   * @param userRdd makes the RDD a user function receives from the plain one and the batch's ranges
   * @param group the consumer group of the scale-out application this stream reads its share in, or null for
   *     a single-JVM application (the stream then reads every partition of its source)
   */
  public DirectKafkaInputStreamNode(DStreamGraph graph, Engine engine, PartitionSource source,
      Map<String, Object> kafkaParams, Map<TopicPartition, Long> givenOffsets, RateLimit rateLimit,
      KafkaReadSettings settings, BooleanSupplier contextActive,
      BiFunction<RDD<ConsumerRecord<K, V>>, List<OffsetRange>, RDD<ConsumerRecord<K, V>>> userRdd,
      InstanceGroup group) {
    super(graph);
    this.engine = engine;
    this.source = source;
    this.kafkaParams = Map.copyOf(kafkaParams);
    this.givenOffsets = Map.copyOf(givenOffsets);
    this.rateLimit = rateLimit;
    this.settings = settings;
    this.consumers = new ConsumerPool<>(kafkaParams);
    this.userRdd = userRdd;
    this.outOfRange = new OutOfRangeOffsets(this, kafkaParams);
    this.outageRetry = new BrokerOutageRetry(this, contextActive);
    this.group = group;
  }

  /**
   * Queues offsets to commit to the consumer group with the next batch's generation.
   *
   * @param ranges the processed ranges
   * @param callback told of the outcome, or null
   * @throws IllegalStateException in a scale-out application, whose batches commit their offsets themselves
   */
  public void commitAsync(List<OffsetRange> ranges, OffsetCommitCallback callback) {
    if (group != null) {
      throw new IllegalStateException(this + " belongs to the scale-out application " + group.groupId() + ", "
          + "whose every batch commits the offsets it read in its own transaction; remove the commitAsync call");
    }
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
      long start = System.nanoTime();
      ranges = nextRanges(time);
      rangesByBatch.put(time, ranges);
      LOG.debug("{} takes {} for batch {} (decided in {} us)", this, ranges, time,
          (System.nanoTime() - start) / 1000);
    }
    return new KafkaRddNode<>(engine, ranges, consumers, settings, userRdd);
  }

  private List<OffsetRange> nextRanges(Time time) {
    if (group != null) {
      groupView = group.viewAt(time);
      next.keySet().retainAll(groupView.owned());
    }
    Consumer<byte[], byte[]> consumer = driver();
    BrokerView view = outageRetry.run(time, () -> askBroker(consumer));
    commitQueued(consumer);
    List<TopicPartition> unknown = view.partitions().stream().filter(p -> !next.containsKey(p)).toList();
    if (!unknown.isEmpty()) {
      next.putAll(startingOffsets(view, unknown, next.isEmpty()));
    }
    int count = view.partitions().size();
    long[] from = new long[count];
    long[] lags = new long[count];
    for (int i = 0; i < count; i++) {
      TopicPartition partition = view.partitions().get(i);
      long end = view.latest().get(partition);
      from[i] = outOfRange.startOf(partition, next.get(partition), view.earliest().get(partition), end);
      lags[i] = end - from[i];
    }
    long[] maxOffsets = rateLimit.maxOffsets(lags);
    List<OffsetRange> ranges = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ranges.add(OffsetRange.create(view.partitions().get(i), from[i], from[i] + Math.min(lags[i], maxOffsets[i])));
    }
    ranges.forEach(range -> next.put(range.topicPartition(), range.untilOffset()));
    return List.copyOf(ranges);
  }

  /**
   * Asks the broker for the partitions of this batch and their offsets: one request for the topics, one for each
   * end of the offsets, and at a group's first batch one for its committed offsets.
   *
   * @throws IllegalStateException if a partition the stream reads, or is assigned, is not on the broker
   */
  private BrokerView askBroker(Consumer<byte[], byte[]> consumer) {
    Duration timeout = settings.requestTimeout();
    Map<String, List<PartitionInfo>> topics = consumer.listTopics(timeout);
    for (TopicPartition known : next.keySet()) {
      if (!exists(topics, known)) {
        throw new IllegalStateException(this + " reads " + known + " up to offset " + next.get(known)
            + ", but the broker no longer has that partition (was its topic deleted?); restore the topic, or "
            + "start the stream afresh without its checkpoint");
      }
    }
    Set<TopicPartition> all = new HashSet<>(next.keySet());
    Set<TopicPartition> wanted = new HashSet<>(source.partitions(topics));
    if (group != null) {
      wanted.retainAll(groupView.owned());
    }
    for (TopicPartition partition : wanted) {
      if (!exists(topics, partition)) {
        throw new IllegalStateException(this + " is assigned " + partition + ", which the broker does not have; "
            + "create it, or assign only partitions that exist");
      }
      all.add(partition);
    }
    List<TopicPartition> sorted = new ArrayList<>(all);
    sorted.sort(BY_TOPIC_AND_PARTITION);
    Map<TopicPartition, Long> earliest = consumer.beginningOffsets(sorted, timeout);
    Map<TopicPartition, Long> latest = consumer.endOffsets(sorted, timeout);
    Map<TopicPartition, OffsetAndMetadata> committed = Map.of();
    if (group == null && next.isEmpty() && kafkaParams.get(ConsumerConfig.GROUP_ID_CONFIG) != null) {
      Set<TopicPartition> notGiven = new HashSet<>(all);
      notGiven.removeAll(givenOffsets.keySet());
      committed = notGiven.isEmpty() ? Map.of() : consumer.committed(notGiven, timeout);
    }
    return new BrokerView(List.copyOf(sorted), earliest, latest, committed);
  }

  private static boolean exists(Map<String, List<PartitionInfo>> topics, TopicPartition partition) {
    List<PartitionInfo> infos = topics.get(partition.topic());
    return infos != null && infos.stream().anyMatch(info -> info.partition() == partition.partition());
  }

  private Map<TopicPartition, Long> startingOffsets(BrokerView view, List<TopicPartition> unknown,
      boolean firstBatch) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    List<TopicPartition> rest = new ArrayList<>();
    for (TopicPartition partition : unknown) {
      Long given = givenOffsets.get(partition);
      if (group != null) {
        // The group's committed offset is where the previous owner's last committed batch ended.
        OffsetAndMetadata committed = groupView.committed().get(partition);
        given = committed != null ? Long.valueOf(committed.offset()) : given;
      }
      OffsetAndMetadata committed = firstBatch ? view.committed().get(partition) : null;
      if (given != null) {
        offsets.put(partition, given);
      } else if (committed != null) {
        offsets.put(partition, committed.offset());
      } else {
        rest.add(partition);
      }
    }
    if (rest.isEmpty()) {
      return offsets;
    }
    if (!firstBatch && group == null) {
      LOG.info("{} reads the new partitions {} from their beginning", this, rest);
      rest.forEach(partition -> offsets.put(partition, view.earliest().get(partition)));
      return offsets;
    }
    String reset = String.valueOf(kafkaParams.getOrDefault(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
    Map<TopicPartition, Long> resetTo = switch (reset) {
      case "earliest" -> view.earliest();
      case "latest" -> view.latest();
      default -> throw new IllegalStateException(this + " has no offset to start " + rest + " from: none was "
          + "given, none is committed, and auto.offset.reset is '" + reset + "'; give offsets to the consumer "
          + "strategy or set auto.offset.reset to earliest or latest");
    };
    rest.forEach(partition -> offsets.put(partition, resetTo.get(partition)));
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
        consumer.commitSync(commit.offsets(), settings.requestTimeout());
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
      driver.close(CloseOptions.timeout(settings.requestTimeout()));
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
   * a restart) and of the batches recovery needs (unfinished ones, and those after the latest state snapshot).
   */
  @Override
  public synchronized void forgetProgress(Time completed, Set<Time> neededByRecovery) {
    Time oldestNeeded = completed.minus(rememberDuration());
    rangesByBatch.keySet().removeIf(t -> !t.greater(oldestNeeded) && !neededByRecovery.contains(t));
  }

  /**
   * {@inheritDoc}
   *
   * <p>True: a batch's ranges end at the partitions' latest offsets when it is generated, which a restart could
   * not know again without the checkpoint.
   */
  @Override
  public boolean requiresDurableGeneration() {
    return group == null;
  }

  /**
   * Returns the offset ranges of a batch.
   *
   * @param time the batch time
   * @return its ranges, one per partition, sorted by topic and partition
   * @throws IllegalStateException if the stream has no ranges for that batch
   */
  public synchronized List<OffsetRange> rangesOf(Time time) {
    List<OffsetRange> ranges = rangesByBatch.get(time);
    if (ranges == null) {
      throw new IllegalStateException(this + " has no offset ranges for batch " + time);
    }
    return ranges;
  }

  /**
   * Returns the offsets a batch commits in a scale-out application: for each partition it read records of, the
   * end of its range.
   *
   * @param time the batch time
   * @return the offsets, empty if the stream read nothing in that batch
   */
  public Map<TopicPartition, OffsetAndMetadata> offsetsToCommit(Time time) {
    // Not synchronized: the job generator holds this node's lock while the group view of the next batch waits
    // for this batch's commit (InstanceGroup.viewAt), so taking the lock here would deadlock a batch that runs
    // longer than the batch interval.
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (OffsetRange range : rangesByBatch.getOrDefault(time, List.of())) {
      if (range.count() > 0) {
        offsets.put(range.topicPartition(), new OffsetAndMetadata(range.untilOffset()));
      }
    }
    return offsets;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The offsets of the batch's ranges, as Spark counts them: the records, unless some offsets hold none
   * (compaction, transaction markers). Backpressure measures the rate the stream was processed at with it.
   */
  @Override
  public synchronized long recordCount(Time time) {
    List<OffsetRange> ranges = rangesByBatch.get(time);
    return ranges == null ? -1 : ranges.stream().mapToLong(OffsetRange::count).sum();
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

package io.dstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.Tuple2;
import io.dstream.function.Function;
import io.dstream.rdd.JobFailedException;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerEvent;
import io.dstream.scheduler.StreamingListenerPartitionsAssigned;
import io.dstream.scheduler.StreamingListenerStateRestored;
import io.dstream.testing.TestStreamingContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * One instance of a scale-out application against a real broker: a word count whose words go through a
 * repartition topic into running counts, written by an exactly-once sink. The instance commits each batch's
 * offsets to the consumer group and its state to a changelog, and a restarted instance goes on from both.
 */
class ScaleOutInstanceTest extends BrokerPerClass {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static Map<String, Object> consumerParams() {
    Map<String, Object> params = new HashMap<>();
    params.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers());
    params.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    params.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return params;
  }

  private static Map<String, Object> producerParams() {
    Map<String, Object> params = new HashMap<>(kafka().producerConfig());
    params.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    params.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return params;
  }

  /** Running counts of the words by key. */
  private static final UnaryOperator<PairDStream<String, Integer>> RUNNING_COUNTS =
      words -> words.updateStateByKey((List<Integer> values, Optional<Integer> state) ->
          Optional.of(state.orElse(0) + values.stream().mapToInt(Integer::intValue).sum()));

  /** An instance of the word count: lines, through a topic by word, running counts to the output topic. */
  private static TestStreamingContext instance(String application, String lines, String output) {
    return instance(application, lines, output, word -> word, consumerParams());
  }

  /** The word count, with a check of each word that may throw. */
  private static TestStreamingContext instance(String application, String lines, String output,
      Function<String, String> check, Map<String, Object> kafkaParams) {
    return instance(application, lines, output, check, kafkaParams, RUNNING_COUNTS);
  }

  /** The word count, counting the words by key as {@code counting} says. */
  private static TestStreamingContext instance(String application, String lines, String output,
      Function<String, String> check, Map<String, Object> kafkaParams,
      UnaryOperator<PairDStream<String, Integer>> counting) {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), new StreamingConf()
        .setAppName(application).set("dstream.application.id", application).set("dstream.kafka.pollTimeout", "20s"));
    PairDStream<String, Integer> words = KafkaUtils.createDirectStream(t.context(),
            LocationStrategies.PreferConsistent(),
            ConsumerStrategies.<String, String>Subscribe(List.of(lines), kafkaParams))
        .flatMap(record -> Arrays.asList(record.value().split(" ")).iterator())
        .mapToPair(word -> new Tuple2<>(check.call(word), 1));
    PairDStream<String, Integer> counts = counting.apply(KafkaUtils.through(words, application + "-words",
        kafkaParams));
    KafkaSink.<String, String>exactlyOnce(t.context(), producerParams(), "counts")
        .write(counts.map(count -> new ProducerRecord<>(output, count._1(), String.valueOf(count._2()))));
    return t;
  }

  /** The latest count of each word in the output topic. */
  private static Map<String, Integer> latestCounts(String output) {
    Map<String, Integer> counts = new TreeMap<>();
    for (ConsumerRecord<String, String> record : kafka().readCommitted(output, WAIT)) {
      counts.put(record.key(), Integer.valueOf(record.value()));
    }
    return counts;
  }

  /**
   * Runs a batch that sends the new words through their topic, then, once the topic's transaction markers are
   * written (a moment after the commit returns, which a manual clock does not wait for), two more: the first
   * counts the words, the second finds nothing new.
   */
  private static void runThroughBothStages(TestStreamingContext t, String application) {
    t.runBatches(1);
    kafka().readCommitted(application + "-words", WAIT);
    t.runBatches(2);
  }

  private static Map<TopicPartition, Long> committedOffsets(String group, String topic) throws Exception {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    groupOffsets(group).forEach((partition, offset) -> {
      if (partition.topic().equals(topic)) {
        offsets.put(partition, offset.offset());
      }
    });
    return offsets;
  }

  private static Map<TopicPartition, Long> positive(Map<TopicPartition, Long> offsets) {
    Map<TopicPartition, Long> positive = new HashMap<>(offsets);
    positive.values().removeIf(offset -> offset == 0);
    return positive;
  }

  /** The first offset of each partition of a topic whose first offset is not 0. */
  private static Map<TopicPartition, Long> firstOffsets(String topic) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka().consumerConfig(null))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      Map<TopicPartition, Long> first = new HashMap<>(consumer.beginningOffsets(partitions, WAIT));
      first.values().removeIf(offset -> offset == 0);
      return first;
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> groupOffsets(String group) throws Exception {
    return kafka().admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aBatchIsCommittedWhileTheNextOneWaitsForItToBeGenerated() throws Exception {
    String lines = TestTopics.create(kafka(), 2);
    String output = TestTopics.create(kafka(), 1);
    String application = "wc-" + lines;
    kafka().produce(lines, 0, List.of("a b a"));
    kafka().produce(lines, 1, List.of("b"));

    try (TestStreamingContext instance = instance(application, lines, output)) {
      instance.runBatches(1);
      kafka().readCommitted(application + "-words", WAIT); // the words' transaction markers are written
      // Two batches due at once: the second is generated, and waits until the first is committed, while the
      // first commits (the clock of a running instance does this whenever a batch ends after the next one's time).
      instance.clock().advance(2 * instance.context().batchDuration().milliseconds());
      instance.runBatches(1);
    }

    assertThat(latestCounts(output)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 2, "b", 2));
  }

  @Test
  void countsGoOnFromTheChangelogAndOffsetsFromTheGroupAfterARestartWhoseBatchesComeAfterTheLastCommitted() throws Exception {
    String lines = TestTopics.create(kafka(), 2);
    String output = TestTopics.create(kafka(), 1);
    String application = "wc-" + lines;
    kafka().produce(lines, 0, List.of("a b a", "c"));
    kafka().produce(lines, 1, List.of("b"));

    try (TestStreamingContext first = instance(application, lines, output)) {
      runThroughBothStages(first, application);
    }

    assertThat(latestCounts(output)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 2, "b", 2, "c", 1));
    assertThat(committedOffsets(application, lines)).containsExactlyInAnyOrderEntriesOf(
        Map.of(new TopicPartition(lines, 0), 2L, new TopicPartition(lines, 1), 1L));
    assertThat(groupOffsets(application).values()).as("each names the batch that committed it")
        .extracting(OffsetAndMetadata::metadata).containsOnly("dstream-batch=3000");
    assertThat(firstOffsets(application + "-words")).as("the consumed records of the repartition topic are deleted")
        .isEqualTo(positive(committedOffsets(application, application + "-words"))).isNotEmpty();

    // Without the old lines, only the changelog can tell the counts so far.
    kafka().admin().deleteRecords(Map.of(new TopicPartition(lines, 0), RecordsToDelete.beforeOffset(2),
        new TopicPartition(lines, 1), RecordsToDelete.beforeOffset(1))).all().get();
    kafka().produce(lines, 1, List.of("a d"));
    List<StreamingListenerEvent> events = new CopyOnWriteArrayList<>();
    try (TestStreamingContext second = instance(application, lines, output)) {
      second.context().addStreamingListener(new StreamingListener() {
        @Override
        public void onPartitionsAssigned(StreamingListenerPartitionsAssigned event) {
          events.add(event);
        }

        @Override
        public void onStateRestored(StreamingListenerStateRestored event) {
          events.add(event);
        }
      });
      // The restart's clock starts from 0 again: its batches up to 3000 ms are behind the last one the first run
      // committed, so it takes the partitions only after them, and no batch time repeats.
      second.runBatches(3);
      assertThat(events).as("no partition taken before batch 4000 ms").isEmpty();
      runThroughBothStages(second, application);
    }

    assertThat(latestCounts(output)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 3, "b", 2, "c", 1, "d", 1));
    assertThat(events).filteredOn(StreamingListenerPartitionsAssigned.class::isInstance).hasSize(1)
        .first().extracting(event -> ((StreamingListenerPartitionsAssigned) event).gained().size())
        .isEqualTo(2 + 6);
    assertThat(events).filteredOn(StreamingListenerStateRestored.class::isInstance)
        .extracting(event -> ((StreamingListenerStateRestored) event).keys())
        .hasSize(6).matches(keys -> keys.stream().mapToLong(Long::longValue).sum() == 3, "3 keys (a, b, c) in all");
  }

  @Test
  void aWindowGoesOnFromItsChangelogAfterARestart() throws Exception {
    String lines = TestTopics.create(kafka(), 2);
    String output = TestTopics.create(kafka(), 1);
    String application = "wc-" + lines;
    UnaryOperator<PairDStream<String, Integer>> windowCounts = words -> words.reduceByKeyAndWindow(Integer::sum,
        (a, b) -> a - b, Durations.seconds(4), Durations.seconds(1));
    kafka().produce(lines, 0, List.of("a b a"));
    try (TestStreamingContext first = instance(application, lines, output, word -> word, consumerParams(),
        windowCounts)) {
      runThroughBothStages(first, application); // the words are counted at 2000 ms
    }
    assertThat(latestCounts(output)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 2, "b", 1));

    kafka().produce(lines, 1, List.of("a d"));
    try (TestStreamingContext second = instance(application, lines, output, word -> word, consumerParams(),
        windowCounts)) {
      second.runBatches(3); // behind the first run's batches: no partition taken
      runThroughBothStages(second, application); // the new words are counted at 5000 ms
    }

    // At 6000 ms the first run's words, counted at 2000 ms, have left the 4 s window: b is kept at 0, as an
    // incremental window keeps a key until a filter drops it.
    assertThat(latestCounts(output)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 0, "d", 1));
    assertThat(countsOf(output, "a")).as("a's windows: the first run's, then with the second run's a added")
        .containsSubsequence(2, 3, 1);
  }

  /** The counts of a word in the output topic, in order. */
  private static List<Integer> countsOf(String output, String word) {
    return kafka().readCommitted(output, WAIT).stream().filter(record -> record.key().equals(word))
        .map(record -> Integer.valueOf(record.value())).toList();
  }

  @Test
  void aFailedBatchIsAbortedAndEndsTheInstanceWithTheUsersException() throws Exception {
    String lines = TestTopics.create(kafka(), 1);
    String output = TestTopics.create(kafka(), 1);
    String application = "wc-" + lines;
    kafka().produce(lines, 0, List.of("a b", "boom"));
    TestStreamingContext t = instance(application, lines, output, word -> {
      if (word.equals("boom")) {
        throw new IllegalArgumentException("cannot count " + word);
      }
      return word;
    }, consumerParams());
    try (t) {
      assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
          .hasRootCauseInstanceOf(IllegalArgumentException.class).hasRootCauseMessage("cannot count boom");
      assertThatThrownBy(() -> t.context().awaitTerminationOrTimeout(WAIT.toMillis()))
          .isInstanceOf(JobFailedException.class).hasRootCauseMessage("cannot count boom");
    }

    assertThat(kafka().readCommitted(application + "-words", WAIT)).as("the words the batch sent before it failed")
        .isEmpty();
    assertThat(groupOffsets(application)).as("no offset committed").isEmpty();
  }

  @Test
  void anInstanceDroppedFromItsGroupMidBatchCannotCommitTheBatch() throws Exception {
    String lines = TestTopics.create(kafka(), 1);
    String output = TestTopics.create(kafka(), 1);
    String application = "wc-" + lines;
    kafka().produce(lines, 0, List.of("a slow"));
    Map<String, Object> params = consumerParams();
    // The group drops a member that has not polled for a second: this one, while its batch runs.
    params.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 1000);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch slowWordReached = new CountDownLatch(1);
    TestStreamingContext t = instance(application, lines, output, word -> {
      if (word.equals("slow")) {
        slowWordReached.countDown();
        release.await();
      }
      return word;
    }, params);
    try (t) {
      t.runBatches(0);
      t.clock().advance(1000);
      assertThat(slowWordReached.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      awaitEmptyGroup(application);
      release.countDown();

      assertThatThrownBy(() -> t.context().awaitTerminationOrTimeout(WAIT.toMillis()))
          .isInstanceOf(JobFailedException.class).hasMessageContaining("had left its consumer group");
    }

    assertThat(kafka().readCommitted(application + "-words", WAIT)).as("what the zombie batch sent").isEmpty();
    assertThat(groupOffsets(application)).as("no offset committed").isEmpty();
  }

  /** Waits until a consumer group has no member. */
  private static void awaitEmptyGroup(String group) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!kafka().admin().describeConsumerGroups(List.of(group)).all().get().get(group).members().isEmpty()) {
      assertThat(System.nanoTime()).as("the group %s still has members", group).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}

package io.dstream.benchmarks;

import io.dstream.StreamingContext;
import io.dstream.Time;
import io.dstream.function.VoidFunction2;
import io.dstream.kafka.testing.EmbeddedKafka;
import io.dstream.rdd.PairRDD;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerStateRestored;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How fast a new instance of a scale-out word count restores its state from the changelog. One instance counts
 * {@code keys} distinct words (lines of ten words, each word once) and stops; then fresh instances of the same
 * application start, one after another, each restoring every partition of the state (they run as tasks of the
 * instance's first batch, in parallel on its two worker threads). Each instance's restore events give the keys,
 * the changelog records and each partition's restore time; its first batch's processing time is the wall time
 * until the restored state was ready and counted, and its second batch's the same count without a restore.
 */
final class StateRestoreMeasurement {
  private static final int WORDS_PER_LINE = 10;
  private static final long WAIT_MINUTES = 15;

  private StateRestoreMeasurement() {}

  /**
   * What the measured restores took.
   *
   * @param keys the state's keys
   * @param loadSeconds how long the first instance took from its start to a state of all keys
   * @param changelogOffsets the changelog's end offsets after the first instance (records and transaction markers)
   * @param records the changelog records a restore read
   * @param partitionSumMillis the sum of the partitions' restore times, per instance
   * @param longestPartitionMillis the longest partition restore, per instance
   * @param firstBatchMillis the first batch's processing time (restore and count), per instance
   * @param secondBatchMillis the second batch's processing time (count only), per instance
   */
  record Result(long keys, double loadSeconds, long changelogOffsets, long records, Spread partitionSumMillis,
      Spread longestPartitionMillis, Spread firstBatchMillis, Spread secondBatchMillis) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%,d keys (loaded in %.1f s; changelog end offsets %,d; a restore reads "
              + "%,d records)%n"
              + "  sum of partition restores ms: %s  -> %,.0f keys/s%n"
              + "  longest partition restore ms: %s%n"
              + "  first batch (restore + count) ms: %s  -> %,.0f keys/s%n"
              + "  second batch (count only) ms: %s",
          keys, loadSeconds, changelogOffsets, records, partitionSumMillis, keys * 1000 / partitionSumMillis.median(),
          longestPartitionMillis, firstBatchMillis, keys * 1000 / firstBatchMillis.median(), secondBatchMillis);
    }
  }

  /**
   * Loads a state of {@code keys} keys and restores it {@code rounds} times after one warm-up restore.
   *
   * @param kafka the broker
   * @param keys how many distinct words, a multiple of 10
   * @param rounds how many measured restores
   * @return what was measured
   * @throws IllegalStateException if a restore brought back another number of keys, or a run did not finish
   * @throws Exception if the broker did not answer
   */
  static Result measure(EmbeddedKafka kafka, long keys, int rounds) throws Exception {
    String application = "restore-" + keys;
    String lines = application + "-lines";
    kafka.createTopic(lines, 2);
    KafkaTopicFiller.fill(kafka.bootstrapServers(), lines, 2, keys / WORDS_PER_LINE, line -> {
      String[] words = new String[WORDS_PER_LINE];
      for (int i = 0; i < WORDS_PER_LINE; i++) {
        words[i] = String.format(Locale.ROOT, "key%08d", line * WORDS_PER_LINE + i);
      }
      return BenchmarkWordCount.line(words);
    });
    long start = System.nanoTime();
    run(kafka, application, lines, keys, 1);
    double loadSeconds = (System.nanoTime() - start) / 1e9;
    String changelog = changelogTopic(kafka, application);
    long changelogOffsets = KafkaTopicFiller.endOffsetsSum(kafka.bootstrapServers(), changelog,
        kafka.admin().describeTopics(List.of(changelog)).allTopicNames().get(WAIT_MINUTES, TimeUnit.MINUTES)
            .get(changelog).partitions().size());
    List<Double> sums = new ArrayList<>();
    List<Double> longest = new ArrayList<>();
    List<Double> first = new ArrayList<>();
    List<Double> second = new ArrayList<>();
    long records = 0;
    for (int round = 0; round <= rounds; round++) {
      Instance instance = run(kafka, application, lines, keys, 2);
      long restoredKeys = instance.restores.stream().mapToLong(StreamingListenerStateRestored::keys).sum();
      if (restoredKeys != keys) {
        throw new IllegalStateException("the instance restored " + restoredKeys + " keys of " + keys);
      }
      records = instance.restores.stream().mapToLong(StreamingListenerStateRestored::records).sum();
      if (round > 0) {
        sums.add((double) instance.restores.stream().mapToLong(StreamingListenerStateRestored::durationMillis).sum());
        longest.add((double) instance.restores.stream().mapToLong(StreamingListenerStateRestored::durationMillis)
            .max().orElseThrow());
        first.add(instance.processingMillis(0));
        second.add(instance.processingMillis(1));
      }
    }
    return new Result(keys, loadSeconds, changelogOffsets, records, Spread.of(sums), Spread.of(longest),
        Spread.of(first), Spread.of(second));
  }

  private static String changelogTopic(EmbeddedKafka kafka, String application) {
    try {
      return kafka.admin().listTopics().names().get(WAIT_MINUTES, TimeUnit.MINUTES).stream()
          .filter(name -> name.startsWith(application + "-") && name.endsWith("-changelog")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no changelog topic of " + application));
    } catch (Exception e) {
      throw new IllegalStateException("could not list the topics: " + e, e);
    }
  }

  /** Runs an instance until {@code batches} batches counted all keys, and stops it after them. */
  private static Instance run(EmbeddedKafka kafka, String application, String lines, long keys, int batches)
      throws InterruptedException {
    Instance instance = new Instance(batches);
    StreamingContext ssc = BenchmarkWordCount.scaleOut(kafka.bootstrapServers(), application, lines,
        Optional.empty(), 0, false, instance.counter(keys));
    ssc.addStreamingListener(instance);
    ssc.start();
    try {
      if (!instance.counted.await(WAIT_MINUTES, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the instance of " + application + " did not count " + keys + " keys in "
            + WAIT_MINUTES + " minutes");
      }
    } finally {
      ssc.stop(true);
      ssc.awaitTermination();
    }
    return instance;
  }

  /** What one instance reported: its restores, its batches, and the batches that counted all keys. */
  private static final class Instance implements StreamingListener {
    final List<StreamingListenerStateRestored> restores = new CopyOnWriteArrayList<>();
    final Map<Time, BatchInfo> completed = new ConcurrentHashMap<>();
    final List<Time> complete = new CopyOnWriteArrayList<>();
    final CountDownLatch counted;

    Instance(int batches) {
      this.counted = new CountDownLatch(batches);
    }

    VoidFunction2<PairRDD<String, Integer>, Time> counter(long keys) {
      return (rdd, time) -> {
        if (rdd.count() == keys) {
          complete.add(time);
          counted.countDown();
        }
      };
    }

    /** The processing time of the {@code index}th batch that counted all keys. */
    double processingMillis(int index) {
      BatchInfo info = completed.get(complete.get(index));
      if (info == null) {
        throw new IllegalStateException("no completed batch at " + complete.get(index));
      }
      return info.processingDelay().orElseThrow();
    }

    @Override
    public void onStateRestored(StreamingListenerStateRestored event) {
      restores.add(event);
    }

    @Override
    public void onBatchCompleted(StreamingListenerBatchCompleted event) {
      completed.put(event.batchInfo().batchTime(), event.batchInfo());
    }
  }
}

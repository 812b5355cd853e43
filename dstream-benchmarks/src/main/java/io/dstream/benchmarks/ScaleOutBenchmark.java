package io.dstream.benchmarks;

import io.dstream.StreamingContext;
import io.dstream.Time;
import io.dstream.function.VoidFunction2;
import io.dstream.kafka.testing.EmbeddedKafka;
import io.dstream.rdd.PairRDD;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchStarted;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures a scale-out application ({@code dstream.application.id}) on an {@link EmbeddedKafka} broker in this
 * JVM, with a real clock, {@code local[2]} and 1-second batches:
 *
 * <ul>
 *   <li><b>Restore.</b> How fast a new instance restores a state of 100,000 and of 1,000,000 keys from its
 *       changelog ({@link StateRestoreMeasurement}): 3 measured restores after a warm-up, medians and ranges.
 *   <li><b>Throughput.</b> Lines per second of one instance of the scale-out word count (lines, through a
 *       repartition topic by word, {@code updateStateByKey}, an exactly-once sink, each batch one transaction
 *       with its changelog records and offsets) beside the same count in one JVM (a direct stream,
 *       {@code updateStateByKey} checkpointed, an at-least-once sink), over the same pre-filled topic of lines of
 *       ten words from a vocabulary of 10,000: from the start of the first batch with records to the end of the
 *       batch whose counts hold every word. Also the scale-out count with {@code reduceByKey} before
 *       {@code through}, which sends one record per word and batch partition instead of one per word. 3 measured
 *       rounds of each after a warm-up, each round starting with another of the three.
 * </ul>
 *
 * <p>Run it from the repository root with
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@scaleout -pl dstream-benchmarks -am
 * }</pre>
 *
 * <p>which starts it in a JVM of its own with {@code -Xmx4g -Xms4g} (the {@code scaleout} execution in this
 * module's pom). Add {@code -Dscaleout.args="keyCounts rounds lines maxRatePerPartition"} for other sizes, e.g.
 * {@code -Dscaleout.args="100000 1 100000 0"}.
 */
public final class ScaleOutBenchmark {
  private static final String DEFAULT_KEY_COUNTS = "100000,1000000";
  private static final int DEFAULT_ROUNDS = 3;
  private static final long DEFAULT_LINES = 300_000;
  /** Bounds a batch at 100,000 lines of the 2-partition topic: about a second of work for either pipeline. */
  private static final long DEFAULT_MAX_RATE_PER_PARTITION = 50_000;
  private static final int WORDS_PER_LINE = 10;
  private static final int VOCABULARY = 10_000;
  private static final long WAIT_MINUTES = 15;
  /** The partitions of the repartition topic and the changelog: dstream.kafka.repartitionPartitions' default. */
  private static final int STATE_PARTITIONS = 6;

  private ScaleOutBenchmark() {}

  /**
   * Starts a broker, measures the restores and the throughput, and prints them.
   *
   * @param args optionally the state sizes separated by commas (0: no restore run), the number of measured rounds, the lines of the
   *     throughput run (0: no throughput run), and its {@code dstream.kafka.maxRatePerPartition}
   * @throws Exception if the broker did not answer or a run did not finish
   */
  public static void main(String[] args) throws Exception {
    long[] keyCounts = Arrays.stream((args.length > 0 ? args[0] : DEFAULT_KEY_COUNTS).split(","))
        .mapToLong(Long::parseLong).filter(keys -> keys > 0).toArray();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROUNDS;
    long lines = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_LINES;
    long maxRate = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_MAX_RATE_PER_PARTITION;
    System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, max heap %d MiB; %d measured rounds after 1 "
            + "warm-up; values: median (min-max)%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, rounds);
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      for (long keys : keyCounts) {
        System.out.println("restore of " + StateRestoreMeasurement.measure(kafka, keys, rounds));
      }
      if (lines > 0) {
        throughput(kafka, lines, maxRate, rounds);
      }
    }
  }

  /** Measures and prints both word counts' lines per second. */
  private static void throughput(EmbeddedKafka kafka, long lines, long maxRate, int rounds) throws Exception {
    String topic = "throughput-lines";
    kafka.createTopic(topic, 2);
    KafkaTopicFiller.fill(kafka.bootstrapServers(), topic, 2, lines, line -> {
      String[] words = new String[WORDS_PER_LINE];
      for (int i = 0; i < WORDS_PER_LINE; i++) {
        // A multiplicative hash spreads the words over the vocabulary, the same in every run.
        long word = ((line * WORDS_PER_LINE + i) * 2_654_435_761L >>> 7) % VOCABULARY;
        words[i] = "w" + word;
      }
      return BenchmarkWordCount.line(words);
    });
    long totalWords = lines * WORDS_PER_LINE;
    List<Double> single = new ArrayList<>();
    List<Double> scaleOut = new ArrayList<>();
    List<Double> combined = new ArrayList<>();
    List<Double> changelogOffsets = new ArrayList<>();
    List<Double> repartitionOffsets = new ArrayList<>();
    List<Double> combinedRepartitionOffsets = new ArrayList<>();
    for (int round = 0; round <= rounds; round++) {
      double[] rates = new double[3];
      for (int i = 0; i < 3; i++) {
        // Each round starts with another of the three, so that none always runs first.
        int pipeline = (i + round) % 3;
        String name = "throughput-" + round + "-" + pipeline;
        kafka.createTopic(name + "-counts", 1);
        Run run = new Run(totalWords);
        StreamingContext ssc = pipeline == 0
            ? BenchmarkWordCount.singleJvm(kafka.bootstrapServers(), name, topic, name + "-counts",
                Files.createTempDirectory("scaleout-benchmark-"), maxRate, run.counter())
            : BenchmarkWordCount.scaleOut(kafka.bootstrapServers(), name, topic, Optional.of(name + "-counts"),
                maxRate, pipeline == 2, run.counter());
        rates[pipeline] = run.measure(ssc).linesPerSecond(lines);
      }
      if (round > 0) {
        single.add(rates[0]);
        scaleOut.add(rates[1]);
        combined.add(rates[2]);
        String plain = "throughput-" + round + "-1";
        changelogOffsets.add((double) endOffsets(kafka, plain + "-" + changelogSuffix(kafka, plain)));
        repartitionOffsets.add((double) endOffsets(kafka, plain + "-words"));
        combinedRepartitionOffsets.add((double) endOffsets(kafka, "throughput-" + round + "-2-words"));
      }
    }
    Spread singleRate = Spread.of(single);
    System.out.printf(Locale.ROOT, "throughput of the word count over %,d lines of %d words (%d distinct), "
            + "maxRatePerPartition %d, lines/s:%n"
            + "  one JVM (direct stream, updateStateByKey checkpointed, at-least-once sink): %s%n"
            + "  scale-out instance (through, updateStateByKey, changelog, exactly-once sink): %s (%.2f x one JVM); "
            + "repartition topic end offsets %s, changelog %s%n"
            + "  the same with reduceByKey before through: %s (%.2f x one JVM); repartition topic end offsets %s%n",
        lines, WORDS_PER_LINE, VOCABULARY, maxRate, singleRate, Spread.of(scaleOut),
        Spread.of(scaleOut).median() / singleRate.median(), Spread.of(repartitionOffsets),
        Spread.of(changelogOffsets), Spread.of(combined), Spread.of(combined).median() / singleRate.median(),
        Spread.of(combinedRepartitionOffsets));
  }

  private static long endOffsets(EmbeddedKafka kafka, String topic) {
    return KafkaTopicFiller.endOffsetsSum(kafka.bootstrapServers(), topic, STATE_PARTITIONS);
  }

  private static String changelogSuffix(EmbeddedKafka kafka, String application) throws Exception {
    return kafka.admin().listTopics().names().get(WAIT_MINUTES, TimeUnit.MINUTES).stream()
        .filter(name -> name.startsWith(application + "-") && name.endsWith("-changelog")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no changelog topic of " + application))
        .substring(application.length() + 1);
  }

  /** One run of a word count until its counts hold every word. */
  private static final class Run implements StreamingListener {
    final long totalWords;
    final CountDownLatch done = new CountDownLatch(1);
    final AtomicLong firstStartMillis = new AtomicLong(-1);
    final AtomicLong doneMillis = new AtomicLong();

    Run(long totalWords) {
      this.totalWords = totalWords;
    }

    VoidFunction2<PairRDD<String, Integer>, Time> counter() {
      return (rdd, time) -> {
        long counted = rdd.aggregate(0L, (sum, count) -> sum + count._2(), Long::sum);
        if (counted == totalWords && done.getCount() > 0) {
          doneMillis.set(System.currentTimeMillis());
          done.countDown();
        }
      };
    }

    Run measure(StreamingContext ssc) throws InterruptedException {
      ssc.addStreamingListener(this);
      System.gc();
      ssc.start();
      try {
        if (!done.await(WAIT_MINUTES, TimeUnit.MINUTES)) {
          throw new IllegalStateException("the word count did not count " + totalWords + " words in "
              + WAIT_MINUTES + " minutes");
        }
      } finally {
        ssc.stop(true);
        ssc.awaitTermination();
      }
      return this;
    }

    double linesPerSecond(long lines) {
      return lines * 1000.0 / (doneMillis.get() - firstStartMillis.get());
    }

    @Override
    public void onBatchStarted(StreamingListenerBatchStarted event) {
      if (event.batchInfo().numRecords() > 0) {
        firstStartMillis.compareAndSet(-1, event.batchInfo().processingStartTime().orElseThrow());
      }
    }
  }
}

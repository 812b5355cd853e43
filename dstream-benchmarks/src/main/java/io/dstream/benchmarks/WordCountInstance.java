package io.dstream.benchmarks;

import io.dstream.ConfigKeys;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.kafka.ConsumerStrategies;
import io.dstream.kafka.KafkaSink;
import io.dstream.kafka.KafkaUtils;
import io.dstream.kafka.LocationStrategies;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerPartitionsAssigned;
import io.dstream.scheduler.StreamingListenerPartitionsRevoked;
import io.dstream.scheduler.StreamingListenerStateRestored;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One instance of the scale-out word count that {@link ScaleOutInstancesBenchmark} starts several times as child
 * JVMs: the pipeline of {@code io.dstream.examples.ScaleOutWordCount} (lines, words through the repartition
 * topic {@code <application id>-words}, {@code updateStateByKey} running counts, an exactly-once
 * {@link KafkaSink} of the counts a batch changed), except that it reads the lines with
 * {@code isolation.level=read_committed}, and at most a given number of lines per partition and second: a batch
 * must commit within the instances' transaction timeout (10 s), so a backlog is read in bounded batches. The benchmark fills the lines topic in one open transaction and
 * commits it once every instance has joined the group, so that all instances start on the lines at once.
 *
 * <p>It prints {@value #OWNS} lines whenever its partitions change (gained or given up) and {@value #RESTORED} lines for each restore, and
 * stops gracefully on the line {@value #STOP_LINE} on its standard input, or at its end.
 */
public final class WordCountInstance {
  /** What starts the line printed when the instance gains partitions; the owned ones follow. */
  static final String OWNS = "owns ";
  /** What starts the line printed for each restored state partition. */
  static final String RESTORED = "restored ";
  /** The line on standard input that stops the instance gracefully. */
  static final String STOP_LINE = "stop";
  private static final String USAGE = "WordCountInstance <brokers> <application-id> <lines-topic> <output-topic> "
      + "<batch-interval-ms> <max-lines-per-second-per-partition>";

  private WordCountInstance() {}

  /**
   * Runs one instance until the stop line arrives or standard input ends.
   *
   * @param args the brokers, the application id, the lines topic, the output topic, the batch interval in ms, the
   *     most lines a batch reads per partition and second ({@code dstream.kafka.maxRatePerPartition})
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if there are not six arguments, or the interval or rate is not a number
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 6) {
      throw new IllegalArgumentException("expected 6 arguments, got " + Arrays.toString(args) + "; usage: " + USAGE);
    }
    StreamingConf conf = new StreamingConf().setMaster("local[2]").setAppName("WordCountInstance")
        .set(ConfigKeys.APPLICATION_ID.name(), args[1])
        .set(ConfigKeys.KAFKA_MAX_RATE_PER_PARTITION.name(), Long.toString(Long.parseLong(args[5])));
    StreamingContext ssc = new StreamingContext(conf, Durations.milliseconds(Long.parseLong(args[4])));
    Map<String, Object> kafkaParams = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    PairDStream<String, Integer> wordOnes = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
            ConsumerStrategies.<String, String>Subscribe(List.of(args[2]), kafkaParams))
        .map(ConsumerRecord::value)
        .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
        .mapToPair(word -> new Tuple2<>(word, 1));
    PairDStream<String, Count> counts = KafkaUtils.through(wordOnes, args[1] + "-words", kafkaParams)
        .updateStateByKey((List<Integer> ones, Optional<Count> previous) -> Optional.of(new Count(
            previous.map(Count::total).orElse(0L) + ones.size(), !ones.isEmpty())));
    Map<String, Object> producerParams = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    String output = args[3];
    KafkaSink.<String, String>exactlyOnce(ssc, producerParams, "counts")
        .write(counts.filter(count -> count._2().changed())
            .map(count -> new ProducerRecord<>(output, count._1(), Long.toString(count._2().total()))));
    ssc.addStreamingListener(new OwnershipPrinter());
    ssc.start();
    Thread stopper = new Thread(() -> {
      awaitStopLine();
      ssc.stop(true);
    }, "stop-on-input");
    stopper.setDaemon(true);
    stopper.start();
    ssc.awaitTermination();
    System.out.println("stopped");
  }

  private static void awaitStopLine() {
    BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      String line;
      while ((line = input.readLine()) != null && !line.strip().equals(STOP_LINE)) {
        // Other lines are not for us.
      }
    } catch (IOException e) {
      // Nothing more can come: stop as at the end of the input.
    }
  }

  /**
   * A word's running count, and whether the last batch counted it (so that only changes are written out).
   *
   * @param total the occurrences so far
   * @param changed whether the batch brought occurrences
   */
  record Count(long total, boolean changed) {}

  /** Prints the partitions owned after each gain, and each restore, for the harness to follow. */
  private static final class OwnershipPrinter implements StreamingListener {
    @Override
    public void onPartitionsAssigned(StreamingListenerPartitionsAssigned event) {
      System.out.println(OWNS + String.join(",", event.owned()) + " gained " + String.join(",", event.gained()));
    }

    @Override
    public void onPartitionsRevoked(StreamingListenerPartitionsRevoked event) {
      System.out.println(OWNS + String.join(",", event.owned()) + " gave up " + String.join(",", event.revoked()));
    }

    @Override
    public void onStateRestored(StreamingListenerStateRestored event) {
      System.out.println(RESTORED + event.keys() + " keys of " + event.state() + "-" + event.partition() + " in "
          + event.durationMillis() + " ms");
    }
  }
}

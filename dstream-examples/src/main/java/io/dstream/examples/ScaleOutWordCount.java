package io.dstream.examples;

import io.dstream.ConfigKeys;
import io.dstream.DStream;
import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.kafka.ConsumerStrategies;
import io.dstream.kafka.KafkaSink;
import io.dstream.kafka.KafkaUtils;
import io.dstream.kafka.LocationStrategies;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerPartitionsAssigned;
import io.dstream.scheduler.StreamingListenerPartitionsRevoked;
import io.dstream.scheduler.StreamingListenerStateRestored;
import java.io.PrintStream;
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
 * One instance of a word count that runs as several: start the same program several times with the same
 * application id, and the instances share the partitions of the lines topic through their Kafka consumer group.
 * The words go through a repartition topic keyed by word ({@code <application-id>-words}), so that each word's
 * running count ({@code updateStateByKey}) lives in one instance, with the partition of that topic it belongs to;
 * when an instance stops, crashes or is added, its partitions move and their counts follow them through the
 * state's changelog topic. Each batch is one Kafka transaction (the lines' offsets, the words sent on, the counts'
 * changes and the output), so the counts are exactly what one JVM would compute, whatever the instances went
 * through.
 *
 * <p>For every word whose count changed in a batch, the instance writes one record to the output topic: key the
 * word, value {@code <count>@<batch time in ms>}. Read it with {@code isolation.level=read_committed}.
 *
 * <p>It prints which partitions it owns whenever that changes, and each state restore. It stops gracefully, after
 * committing every batch whose time has come, when you type {@code stop} (and Enter), or when its standard input
 * ends; the other instances then take over its partitions at once. Killed instead, its partitions move after
 * the group's session timeout (10 s).
 *
 * <p>With a broker on {@code localhost:9092}, a topic {@code lines} of 6 partitions and a topic {@code counts},
 * run this from the repository root in three terminals, one after the other (a fourth instance, started later,
 * takes a share too; more than 6 stay idle):
 *
 * <pre>
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.ScaleOutWordCount -Dexec.args="localhost:9092 wordcount lines counts"
 * </pre>
 */
public final class ScaleOutWordCount {
  static final String USAGE = "ScaleOutWordCount <brokers> <application-id> <lines-topic> <output-topic> "
      + "[<batch-interval-ms>]";
  /** The batch interval unless one is given. */
  static final Duration DEFAULT_BATCH_INTERVAL = Durations.seconds(1);

  private ScaleOutWordCount() {}

  /**
   * Runs one instance until the line {@code stop} arrives on standard input, or it ends.
   *
   * @param args the brokers, the application id, the lines topic, the output topic, and optionally the batch
   *     interval in milliseconds
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if the arguments do not match the usage line, or the application id has
   *     characters other than letters, digits, '.', '_' and '-'
   * @throws io.dstream.rdd.JobFailedException if a batch failed or could not be committed (Kafka unreachable, say);
   *     a restart goes on from the last committed batch
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleArgs arguments = ExampleArgs.parse(args, USAGE, 4, 1);
    String brokers = arguments.text(0, "the brokers");
    String applicationId = arguments.text(1, "the application id");
    String linesTopic = arguments.text(2, "the lines topic");
    String outputTopic = arguments.text(3, "the output topic");
    Duration batchInterval = arguments.has(4)
        ? Durations.milliseconds(arguments.positiveInt(4, "the batch interval in ms")) : DEFAULT_BATCH_INTERVAL;
    StreamingContext ssc = createContext(brokers, applicationId, linesTopic, outputTopic, batchInterval);
    ssc.addStreamingListener(new OwnershipPrinter(System.out));
    System.out.println("instance of " + applicationId + " starts; type " + BatchRunner.STOP_LINE
        + " to stop it gracefully");
    BatchRunner.runUntilStopLine(ssc, System.in);
    System.out.println("stopped");
  }

  /**
   * Creates one instance's context and defines its pipeline, without starting it.
   *
   * @param brokers the Kafka bootstrap servers
   * @param applicationId the id every instance shares: their consumer group, and the prefix of their topics
   * @param linesTopic the topic of lines to count
   * @param outputTopic the topic the changed counts go to
   * @param batchInterval the batch interval
   * @return the context, not started
   * @throws IllegalArgumentException if the application id is not a legal one
   * @throws IllegalStateException if the repartition topic cannot be found or created
   */
  static StreamingContext createContext(String brokers, String applicationId, String linesTopic,
      String outputTopic, Duration batchInterval) {
    StreamingConf conf = new StreamingConf().setMaster("local[2]").setAppName("ScaleOutWordCount")
        .set(ConfigKeys.APPLICATION_ID.name(), applicationId);
    StreamingContext ssc = new StreamingContext(conf, batchInterval);
    Map<String, Object> kafkaParams = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    DStream<String> lines = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of(linesTopic), kafkaParams)).map(ConsumerRecord::value);
    PairDStream<String, RunningCount> counts =
        runningCounts(KafkaUtils.through(WordCounts.wordOnes(lines), applicationId + "-words", kafkaParams));
    Map<String, Object> producerParams = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    KafkaSink.<String, String>exactlyOnce(ssc, producerParams, "counts")
        .write(counts.transform((rdd, time) -> rdd.filter(count -> count._2().changed())
            .map(count -> new ProducerRecord<>(outputTopic, count._1(), count._2().count() + "@"
                + time.milliseconds()))));
    return ssc;
  }

  /**
   * Keeps each word's running count, marked changed in the batches that counted the word.
   *
   * @param wordOnes one {@code (word, 1)} per occurrence, keyed through a Kafka topic
   * @return every word counted so far, each batch
   */
  static PairDStream<String, RunningCount> runningCounts(PairDStream<String, Integer> wordOnes) {
    return wordOnes.updateStateByKey((List<Integer> ones, Optional<RunningCount> previous) -> {
      long before = previous.map(RunningCount::count).orElse(0L);
      return Optional.of(new RunningCount(before + ones.stream().mapToInt(Integer::intValue).sum(),
          !ones.isEmpty()));
    });
  }

  /**
   * A word's count, and whether the batch changed it. The flag is part of the state (so a change is followed by a
   * second changelog record that clears it) because {@code updateStateByKey} returns every key in every batch;
   * it lets the output hold only the changes.
   *
   * @param count how often the word occurred so far
   * @param changed whether the batch counted the word
   */
  record RunningCount(long count, boolean changed) {}

  /** Prints the partitions the instance owns whenever they change, and each state restore. */
  private static final class OwnershipPrinter implements StreamingListener {
    private final PrintStream out;

    OwnershipPrinter(PrintStream out) {
      this.out = out;
    }

    @Override
    public void onPartitionsAssigned(StreamingListenerPartitionsAssigned event) {
      out.println("batch " + event.time().milliseconds() + ": gained " + event.gained() + ", owns " + event.owned());
    }

    @Override
    public void onPartitionsRevoked(StreamingListenerPartitionsRevoked event) {
      out.println("batch " + event.time().milliseconds() + ": gave up " + event.revoked() + ", owns "
          + event.owned());
    }

    @Override
    public void onStateRestored(StreamingListenerStateRestored event) {
      out.println("restored " + event.keys() + " keys of " + event.state() + "-" + event.partition() + " from "
          + event.records() + " records in " + event.durationMillis() + " ms");
    }
  }
}

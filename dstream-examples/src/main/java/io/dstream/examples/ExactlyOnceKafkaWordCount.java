package io.dstream.examples;

import io.dstream.DStream;
import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.State;
import io.dstream.StateSpec;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.kafka.ConsumerStrategies;
import io.dstream.kafka.KafkaSink;
import io.dstream.kafka.KafkaUtils;
import io.dstream.kafka.LocationStrategies;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Counts the words of the lines in Kafka topics and writes, for each word of each batch, the word's total since
 * the first run to another topic, exactly once: killed at any moment and started again, it goes on where it
 * stopped, and a consumer of the output with {@code isolation.level=read_committed} sees one record per word
 * occurrence, whose totals count every input line once. The input is a Kafka direct stream (each batch's offset
 * ranges are in the checkpoint), the totals are {@code mapWithState} state (snapshotted in the checkpoint), and
 * the output is a {@link KafkaSink#exactlyOnce} sink (one transaction per partition of each batch), so a batch
 * that runs again after a crash reads the same lines, finds the same state, and does not write what an
 * earlier attempt committed. The output records are keyed by word; their values are the totals, as text.
 *
 * <p>With a broker on {@code localhost:9092} and topics {@code lines} and {@code totals}, run from the repository
 * root:
 *
 * <pre>
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.ExactlyOnceKafkaWordCount -Dexec.args="localhost:9092 lines totals /tmp/exactly-once-checkpoints"
 * </pre>
 *
 * <p>It runs until it is stopped or killed, or, with a fifth argument, for that many batches. Kill it
 * ({@code kill -9}) and run the same command again to see it recover; delete the checkpoint directory to start
 * afresh (the totals then start from zero).
 */
public final class ExactlyOnceKafkaWordCount {
  /** The batch interval. */
  static final Duration BATCH_INTERVAL = Durations.seconds(1);
  static final String USAGE = "ExactlyOnceKafkaWordCount <brokers> <input-topics> <output-topic> "
      + "<checkpoint-directory> [<batches>]";
  /** The application's name, which names the sink's Kafka transactions and its consumer group. */
  static final String APP_NAME = "ExactlyOnceKafkaWordCount";

  private ExactlyOnceKafkaWordCount() {}

  /**
   * Runs the example until it is stopped or killed, or for the given number of batches.
   *
   * @param args the brokers, the comma-separated input topics, the output topic, the checkpoint directory,
   *     and optionally the number of batches
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if the arguments do not match the usage line
   * @throws IllegalStateException if the checkpoint directory holds a checkpoint that cannot be restored
   * @throws io.dstream.rdd.JobFailedException if a batch fails, for example because Kafka is unreachable
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleArgs arguments = ExampleArgs.parse(args, USAGE, 4, 1);
    String brokers = arguments.text(0, "the brokers");
    List<String> inputTopics = arguments.names(1, "the input topics");
    String outputTopic = arguments.text(2, "the output topic");
    String checkpointDirectory = arguments.text(3, "the checkpoint directory");
    OptionalInt batches = arguments.optionalBatches(4);
    StreamingContext ssc = StreamingContext.getOrCreate(checkpointDirectory,
        () -> createContext(brokers, inputTopics, outputTopic, checkpointDirectory));
    BatchRunner.run(ssc, batches);
  }

  /**
   * Creates the context and defines its pipeline, without starting it: the factory that {@code getOrCreate}
   * calls on every run, recovered or not.
   *
   * @param brokers the Kafka bootstrap servers
   * @param inputTopics the topics of lines to count
   * @param outputTopic the topic the totals go to
   * @param checkpointDirectory where the checkpoints go
   * @return the context, not started
   * @throws IllegalArgumentException if the checkpoint directory is not usable
   */
  public static StreamingContext createContext(String brokers, List<String> inputTopics, String outputTopic,
      String checkpointDirectory) {
    StreamingConf conf = new StreamingConf().setMaster("local[2]").setAppName(APP_NAME);
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    ssc.checkpoint(checkpointDirectory);
    Map<String, Object> kafkaParams = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        // Lines written in transactions count only once committed.
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    DStream<String> lines = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(inputTopics, kafkaParams)).map(ConsumerRecord::value);
    Map<String, Object> producerParams = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    KafkaSink<String, String> sink = KafkaSink.exactlyOnce(ssc, producerParams, "totals");
    sink.write(runningTotals(lines).map(total -> new ProducerRecord<>(outputTopic, total._1(),
        Long.toString(total._2()))));
    return ssc;
  }

  /**
   * Defines the counting: for every word of every line, the word and its total so far (counting this one).
   * The context needs a checkpoint directory before it starts.
   *
   * @param lines the lines of text
   * @return one (word, total) per word occurrence
   * @throws IllegalStateException if the context has already started
   */
  static DStream<Tuple2<String, Long>> runningTotals(DStream<String> lines) {
    return WordCounts.wordOnes(lines).mapWithState(StateSpec.function((String word, Optional<Integer> one,
        State<Long> total) -> {
      long sum = total.getOption().orElse(0L) + one.orElse(0);
      total.update(sum);
      return new Tuple2<>(word, sum);
    }));
  }
}

package io.dstream.examples;

import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.InputDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.kafka.CanCommitOffsets;
import io.dstream.kafka.ConsumerStrategies;
import io.dstream.kafka.HasOffsetRanges;
import io.dstream.kafka.KafkaUtils;
import io.dstream.kafka.LocationStrategies;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts the words of the records of one or more Kafka topics, every two seconds, with a direct stream:
 * {@code KafkaUtils.createDirectStream}, the records' values counted by {@link WordCounts#countPerBatch}, then
 * {@code print()}; after each batch's counts are printed, the batch's offsets are committed to the consumer
 * group. The counterpart of Spark's {@code JavaDirectKafkaWordCount}, with the same arguments: the brokers,
 * the consumer group, and the topics separated by commas.
 *
 * <p>A group that has committed no offsets yet starts at the end of the topics (Kafka's default
 * {@code auto.offset.reset=latest}): it counts what is written once it runs. Started again with the same group,
 * it goes on after the last batch it committed, so that the records written while it was down are counted too.
 *
 * <p>With a Kafka broker on {@code localhost:9092} (for example {@code docker run -p 9092:9092 apache/kafka}),
 * run the example from the repository root:
 *
 * <pre>
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.DirectKafkaWordCount -Dexec.args="localhost:9092 wordcount words"
 * </pre>
 *
 * <p>and write lines to the topic from another terminal, with the console producer of a Kafka distribution
 * ({@code bin/kafka-console-producer.sh --bootstrap-server localhost:9092 --topic words}). It runs until you
 * stop it (Ctrl-C); with a fourth argument, the number of batches, it stops by itself after that many
 * ({@code -Dexec.args="localhost:9092 wordcount words 30"}).
 */
public final class DirectKafkaWordCount {
  /** The batch interval, as in Spark's example. */
  static final Duration BATCH_INTERVAL = Durations.seconds(2);
  static final String USAGE = "DirectKafkaWordCount <brokers> <groupId> <topics> [<batches>] [--ui]";

  private DirectKafkaWordCount() {}

  /**
   * Runs the example.
   *
   * @param args the brokers ({@code host:port}, separated by commas), the consumer group, the topics (separated
   *     by commas), and optionally the number of batches to run
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if the arguments do not match the usage line
   * @throws io.dstream.rdd.JobFailedException if a batch fails, for example because a broker cannot be reached
   *     within {@code dstream.kafka.pollTimeout}
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleArgs arguments = ExampleArgs.parse(args, USAGE, 3, 1);
    String brokers = arguments.text(0, "the brokers");
    String groupId = arguments.text(1, "the group id");
    List<String> topics = arguments.names(2, "the topics");
    OptionalInt batches = arguments.optionalBatches(3);
    StreamingConf conf = ExampleArgs.withStatusPageIfAsked(args,
        new StreamingConf().setMaster("local[2]").setAppName("DirectKafkaWordCount"));
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    printWordCounts(ssc, brokers, groupId, topics);
    BatchRunner.run(ssc, batches);
  }

  /**
   * Defines the pipeline: the values of the topics' records, counted by word per batch and printed; then the
   * batch's offsets queued for a commit to the group (output operations of a batch run in the order they were
   * defined, so a batch is committed only after its counts are printed).
   *
   * @param ssc the context to define the pipeline in; not started
   * @param brokers the Kafka brokers, {@code host:port} separated by commas
   * @param groupId the consumer group, whose committed offsets say where the stream starts
   * @param topics the topics to read
   * @throws IllegalArgumentException if {@code topics} is empty
   * @throws IllegalStateException if the context has already started
   */
  public static void printWordCounts(StreamingContext ssc, String brokers, String groupId, List<String> topics) {
    Map<String, Object> kafkaParams = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
        ConsumerConfig.GROUP_ID_CONFIG, groupId,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    InputDStream<ConsumerRecord<String, String>> messages = KafkaUtils.createDirectStream(ssc,
        LocationStrategies.PreferConsistent(), ConsumerStrategies.Subscribe(topics, kafkaParams));
    WordCounts.countPerBatch(messages.map(ConsumerRecord::value)).print();
    messages.foreachRDD(rdd -> ((CanCommitOffsets) messages).commitAsync(((HasOffsetRanges) rdd).offsetRanges()));
  }
}

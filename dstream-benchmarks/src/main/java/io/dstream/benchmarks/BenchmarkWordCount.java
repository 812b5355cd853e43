package io.dstream.benchmarks;

import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.function.VoidFunction2;
import io.dstream.kafka.ConsumerStrategies;
import io.dstream.kafka.KafkaSink;
import io.dstream.kafka.KafkaUtils;
import io.dstream.kafka.LocationStrategies;
import io.dstream.rdd.PairRDD;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The word counts {@link ScaleOutBenchmark} runs on a real clock with {@code local[2]} and 1-second batches, as
 * a user would write them: lines of words separated by spaces, running counts kept by {@code updateStateByKey}
 * with the Spark guide's update function. Either an instance of a scale-out application (lines, through a
 * repartition topic by word, counts, optionally an exactly-once sink in the batch's transaction) or the same
 * count in one JVM (a direct stream of its own consumer group, a checkpoint directory, an at-least-once sink).
 * Each batch's counts also go to a callback, by which the benchmark knows how far the count has come.
 */
final class BenchmarkWordCount {
  private static final String WORKERS = "local[2]";

  private BenchmarkWordCount() {}

  /**
   * Defines an instance of a scale-out word count, not started.
   *
   * @param bootstrapServers the broker
   * @param application the application id, also its consumer group and the prefix of its topics
   * @param lines the input topic
   * @param output the topic its exactly-once sink writes the counts to, or empty for no sink
   * @param maxRatePerPartition the direct stream's {@code dstream.kafka.maxRatePerPartition} (0: none)
   * @param combineBeforeThrough whether each batch's words are counted ({@code reduceByKey}) before they go
   *     through the repartition topic, so that it carries one record per word and batch partition, not per word
   * @param onCounts gets each batch's counts
   * @return the context
   */
  static StreamingContext scaleOut(String bootstrapServers, String application, String lines,
      Optional<String> output, long maxRatePerPartition, boolean combineBeforeThrough,
      VoidFunction2<PairRDD<String, Integer>, Time> onCounts) {
    StreamingContext ssc = new StreamingContext(conf(application, maxRatePerPartition)
        .set("dstream.application.id", application), Durations.seconds(1));
    Map<String, Object> params = consumerParams(bootstrapServers);
    PairDStream<String, Integer> words = words(ssc, lines, params);
    PairDStream<String, Integer> sent = combineBeforeThrough ? words.reduceByKey(Integer::sum) : words;
    PairDStream<String, Integer> counts = KafkaUtils.through(sent, application + "-words", params)
        .updateStateByKey(BenchmarkWordCount::count);
    output.ifPresent(topic -> KafkaSink.<String, String>exactlyOnce(ssc, producerParams(bootstrapServers), "counts")
        .write(counts.map(count -> new ProducerRecord<>(topic, count._1(), String.valueOf(count._2())))));
    counts.foreachRDD(onCounts);
    return ssc;
  }

  /**
   * Defines the word count in one JVM, not started: no repartition topic, no transactions, state checkpointed.
   *
   * @param bootstrapServers the broker
   * @param group the direct stream's consumer group
   * @param lines the input topic
   * @param output the topic its at-least-once sink writes the counts to
   * @param checkpointDirectory the context's checkpoint directory
   * @param maxRatePerPartition the direct stream's {@code dstream.kafka.maxRatePerPartition} (0: none)
   * @param onCounts gets each batch's counts
   * @return the context
   */
  static StreamingContext singleJvm(String bootstrapServers, String group, String lines, String output,
      Path checkpointDirectory, long maxRatePerPartition,
      VoidFunction2<PairRDD<String, Integer>, Time> onCounts) {
    StreamingContext ssc = new StreamingContext(conf(group, maxRatePerPartition), Durations.seconds(1));
    ssc.checkpoint(checkpointDirectory.toString());
    Map<String, Object> params = consumerParams(bootstrapServers);
    params.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    PairDStream<String, Integer> counts = words(ssc, lines, params).updateStateByKey(BenchmarkWordCount::count);
    KafkaSink.<String, String>atLeastOnce(ssc, producerParams(bootstrapServers))
        .write(counts.map(count -> new ProducerRecord<>(output, count._1(), String.valueOf(count._2()))));
    counts.foreachRDD(onCounts);
    return ssc;
  }

  /** Returns the bytes of a line of words separated by spaces. */
  static byte[] line(String... words) {
    return String.join(" ", words).getBytes(StandardCharsets.UTF_8);
  }

  private static StreamingConf conf(String name, long maxRatePerPartition) {
    return new StreamingConf().setMaster(WORKERS).setAppName(name)
        .set("dstream.kafka.maxRatePerPartition", String.valueOf(maxRatePerPartition));
  }

  private static PairDStream<String, Integer> words(StreamingContext ssc, String lines, Map<String, Object> params) {
    return KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
            ConsumerStrategies.<String, String>Subscribe(List.of(lines), params))
        .flatMap(record -> Arrays.asList(record.value().split(" ")).iterator())
        .mapToPair(word -> new Tuple2<>(word, 1));
  }

  /** The Spark guide's running count: the state plus the batch's values, kept even without values. */
  private static Optional<Integer> count(List<Integer> values, Optional<Integer> state) {
    int sum = state.orElse(0);
    for (int value : values) {
      sum += value;
    }
    return Optional.of(sum);
  }

  private static Map<String, Object> consumerParams(String bootstrapServers) {
    Map<String, Object> params = new HashMap<>();
    params.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    params.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    params.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    params.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return params;
  }

  private static Map<String, Object> producerParams(String bootstrapServers) {
    Map<String, Object> params = new HashMap<>();
    params.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    params.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    params.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return params;
  }
}

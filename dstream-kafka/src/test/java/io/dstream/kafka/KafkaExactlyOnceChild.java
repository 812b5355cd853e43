package io.dstream.kafka;

import io.dstream.CrashLoopChild;
import io.dstream.DStream;
import io.dstream.InputDStream;
import io.dstream.State;
import io.dstream.StateSpec;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The program that {@link KafkaExactlyOnceCrashIT} runs in a child JVM and kills (see {@link CrashLoopChild} for
 * its first four arguments and its progress reports; then the broker's address, the input topic, its number of
 * partitions and the output topic). A Kafka-to-Kafka pipeline, recoverable with {@code getOrCreate}: a direct
 * stream of the input topic (key {@code k<n>}, value the record's sequence number) into {@code mapWithState},
 * which maps every record to {@code key:sequence:running count of the key} (state snapshotted every 8 batches,
 * so that a recovery restores a snapshot and computes up to 7 batches after it again, completed ones included,
 * from their offset ranges), written by an exactly-once
 * {@link KafkaSink} to the output topic.
 *
 * <p>Besides {@code output T} (before the sink writes batch {@code T}) it reports {@code written T} once the sink
 * has committed the batch. The input ends with one {@value CrashLoopChild#END_WORD} record in each partition,
 * after all the others; once a run has seen every partition's, every record before them has been written, and
 * it stops gracefully.
 */
final class KafkaExactlyOnceChild {
  private KafkaExactlyOnceChild() {}

  public static void main(String[] args) throws Exception {
    CrashLoopChild child = new CrashLoopChild(args);
    String bootstrapServers = args[4];
    String inputTopic = args[5];
    int inputPartitions = Integer.parseInt(args[6]);
    String outputTopic = args[7];
    Set<Integer> endsSeen = ConcurrentHashMap.newKeySet();
    StreamingContext ssc = StreamingContext.getOrCreate(child.checkpoints, () -> {
      StreamingContext created = new StreamingContext(child.conf().set("dstream.kafka.pollTimeout", "20s"),
          child.batch);
      InputDStream<ConsumerRecord<String, String>> input = KafkaUtils.createDirectStream(created,
          LocationStrategies.PreferConsistent(), ConsumerStrategies.<String, String>Subscribe(List.of(inputTopic),
              Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                  ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                  ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")));
      DStream<String> counted = input.filter(record -> !CrashLoopChild.END_WORD.equals(record.key()))
          .mapToPair(record -> new Tuple2<>(record.key(), Long.parseLong(record.value())))
          .mapWithState(StateSpec.function((String key, Optional<Long> sequence, State<Long> count) -> {
            long running = count.getOption().orElse(0L) + 1;
            count.update(running);
            return key + ":" + sequence.orElseThrow() + ":" + running;
          }).numPartitions(2))
          .checkpoint(child.batch.times(8))
          .name("running-counts");
      child.reportOutputs(counted);
      KafkaSink<String, String> sink = KafkaSink.exactlyOnce(created, Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class), outputTopic);
      sink.write(counted.map(line -> new ProducerRecord<>(outputTopic, line.substring(0, line.indexOf(':')), line)));
      child.reportBatches(counted, "written");
      input.foreachRDD(rdd -> {
        endsSeen.addAll(rdd.filter(record -> CrashLoopChild.END_WORD.equals(record.key()))
            .map(ConsumerRecord::partition).collect());
        if (endsSeen.size() == inputPartitions) {
          child.end();
        }
      });
      return created;
    });
    child.runToTheEnd(ssc);
  }
}

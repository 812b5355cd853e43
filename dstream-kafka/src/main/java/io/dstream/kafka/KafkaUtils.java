package io.dstream.kafka;

import io.dstream.ConfigKeys;
import io.dstream.InputDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.internal.ContextAccess;
import io.dstream.internal.StreamingRuntime;
import io.dstream.kafka.internal.DirectKafkaInputStreamNode;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Creates Kafka streams, as Spark's {@code KafkaUtils} of {@code spark-streaming-kafka-0-10}.
 *
 * <pre>{@code
 * InputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
 *     LocationStrategies.PreferConsistent(), ConsumerStrategies.<String, String>Subscribe(topics, kafkaParams));
 * stream.foreachRDD(rdd -> {
 *   OffsetRange[] ranges = ((HasOffsetRanges) rdd).offsetRanges();
 *   rdd.map(ConsumerRecord::value).collect();
 *   ((CanCommitOffsets) stream).commitAsync(ranges);
 * });
 * }</pre>
 */
public final class KafkaUtils {
  private KafkaUtils() {}

  /**
   * Creates a direct stream: no receiver; each batch reads, for every partition, the offsets from where the
   * previous batch ended to the partition's latest offset, at most {@code dstream.kafka.maxRatePerPartition}
   * records per second of batch. Each batch's RDD has one partition per offset range and implements
   * {@link HasOffsetRanges}; the stream implements {@link CanCommitOffsets}. With a checkpoint directory and
   * {@code StreamingContext.getOrCreate}, a batch run again after a restart reads exactly the same records.
   *
   * @param ssc the context, not started
   * @param locationStrategy where tasks run (all strategies are the same in one JVM)
   * @param consumerStrategy what to read and from where
   * @param <K> the key type
   * @param <V> the value type
   * @return the stream
   * @throws IllegalArgumentException if an argument is null
   * @throws IllegalStateException if the context has started or stopped
   */
  public static <K, V> InputDStream<ConsumerRecord<K, V>> createDirectStream(StreamingContext ssc,
      LocationStrategy locationStrategy, ConsumerStrategy<K, V> consumerStrategy) {
    requireNonNull(ssc, "ssc");
    requireNonNull(locationStrategy, "locationStrategy");
    requireNonNull(consumerStrategy, "consumerStrategy");
    StreamingRuntime runtime = ContextAccess.runtime(ssc);
    StreamingConf conf = ssc.conf();
    long ratePerPartition = conf.get(ConfigKeys.KAFKA_MAX_RATE_PER_PARTITION);
    long batchMs = runtime.graph().batchDuration().milliseconds();
    long maxRecords = ratePerPartition == 0 ? 0 : Math.max(1, ratePerPartition * batchMs / 1000);
    DirectKafkaInputStreamNode<K, V> node = new DirectKafkaInputStreamNode<>(runtime.graph(), runtime.engine(),
        consumerStrategy.source, consumerStrategy.kafkaParams, consumerStrategy.offsets, maxRecords,
        Duration.ofMillis(conf.get(ConfigKeys.KAFKA_POLL_TIMEOUT).milliseconds()), KafkaBatchRDD::new);
    return new DirectKafkaInputDStream<>(ContextAccess.inputStream(ssc, node), node);
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is null");
    }
  }
}

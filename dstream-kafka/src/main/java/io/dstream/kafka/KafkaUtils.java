package io.dstream.kafka;

import io.dstream.InputDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.StreamingContextState;
import io.dstream.internal.ContextAccess;
import io.dstream.internal.StreamingRuntime;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.backpressure.RateController;
import io.dstream.kafka.internal.DirectKafkaInputStreamNode;
import io.dstream.kafka.internal.KafkaReadSettings;
import io.dstream.kafka.internal.KafkaRddNode;
import io.dstream.kafka.internal.RateLimit;
import io.dstream.rdd.RDD;
import java.util.List;
import java.util.Map;
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
   * records per second of batch, and with {@code dstream.backpressure.enabled} at most what the rate estimator
   * allows (shared among the partitions by their lag). Each batch's RDD reads each offset range in one task, or a
   * large one in several ({@code dstream.kafka.minRecordsPerTask}), and implements {@link HasOffsetRanges}; the
   * stream implements {@link CanCommitOffsets}. With a checkpoint directory and
   * {@code StreamingContext.getOrCreate}, a batch run again after a restart reads exactly the same records.
   *
   * @param ssc the context, not started
   * @param locationStrategy where tasks run (all strategies are the same in one JVM)
   * @param consumerStrategy what to read and from where
   * @param <K> the key type
   * @param <V> the value type
   * @return the stream
   * @throws IllegalArgumentException if an argument is null, or {@code dstream.kafka.minRatePerPartition} is
   *     above {@code dstream.kafka.maxRatePerPartition}
   * @throws IllegalStateException if the context has started or stopped
   */
  public static <K, V> InputDStream<ConsumerRecord<K, V>> createDirectStream(StreamingContext ssc,
      LocationStrategy locationStrategy, ConsumerStrategy<K, V> consumerStrategy) {
    requireNonNull(ssc, "ssc");
    requireNonNull(locationStrategy, "locationStrategy");
    requireNonNull(consumerStrategy, "consumerStrategy");
    StreamingRuntime runtime = ContextAccess.runtime(ssc);
    StreamingConf conf = ssc.conf();
    long batchMs = runtime.graph().batchDuration().milliseconds();
    RateLimit rateLimit = RateLimit.fromConf(conf, batchMs);
    DirectKafkaInputStreamNode<K, V> node = new DirectKafkaInputStreamNode<>(runtime.graph(), runtime.engine(),
        consumerStrategy.source, consumerStrategy.kafkaParams, consumerStrategy.offsets, rateLimit,
        KafkaReadSettings.fromConf(conf), () -> runtime.state() == StreamingContextState.ACTIVE,
        KafkaBatchRDD::new);
    if (rateLimit.backpressure()) {
      ssc.addStreamingListener(RateController.fromConf(conf, batchMs, node.id(), rateLimit));
    }
    return new DirectKafkaInputDStream<>(ContextAccess.inputStream(ssc, node), node);
  }

  /**
   * Creates an RDD of given offset ranges, for a batch job, as Spark's {@code KafkaUtils.createRDD} (which takes
   * a {@code JavaSparkContext}; here the context's worker threads run it, before, during or without streaming).
   * Nothing is read until an action runs: each range is then read by one task, or a large one by several
   * ({@code dstream.kafka.minRecordsPerTask}), with consumers that the context keeps for its Kafka RDDs of the
   * same settings and closes when it stops. The RDD implements {@link HasOffsetRanges}.
   *
   * <pre>{@code
   * OffsetRange[] ranges = {OffsetRange.create("orders", 0, 100, 150), OffsetRange.create("orders", 1, 0, 40)};
   * RDD<ConsumerRecord<String, String>> rdd =
   *     KafkaUtils.createRDD(ssc, kafkaParams, ranges, LocationStrategies.PreferConsistent());
   * long orders = rdd.count();
   * }</pre>
   *
   * <p>The ranges must exist on the broker: a task whose range starts before the partition's first offset fails
   * at once (its records were deleted), one whose range ends after the partition's end waits
   * {@code dstream.kafka.pollTimeout} for the missing records and fails. {@code group.id} and
   * {@code auto.offset.reset} are ignored (the tasks are assigned their partitions, and never reset an offset).
   *
   * @param ssc the context whose worker threads run the RDD's jobs
   * @param kafkaParams the consumer settings: {@code bootstrap.servers}, {@code key.deserializer} and
   *     {@code value.deserializer} at least
   * @param offsetRanges the ranges to read; partition order is kept
   * @param locationStrategy where tasks run (all strategies are the same in one JVM)
   * @param <K> the key type
   * @param <V> the value type
   * @return the RDD
   * @throws IllegalArgumentException if an argument or a range is null
   * @throws IllegalStateException if the context has stopped
   */
  public static <K, V> RDD<ConsumerRecord<K, V>> createRDD(StreamingContext ssc, Map<String, Object> kafkaParams,
      OffsetRange[] offsetRanges, LocationStrategy locationStrategy) {
    requireNonNull(ssc, "ssc");
    requireNonNull(kafkaParams, "kafkaParams");
    requireNonNull(offsetRanges, "offsetRanges");
    requireNonNull(locationStrategy, "locationStrategy");
    for (int i = 0; i < offsetRanges.length; i++) {
      requireNonNull(offsetRanges[i], "offsetRanges[" + i + "]");
    }
    StreamingRuntime runtime = ContextAccess.runtime(ssc);
    KafkaRddNode<K, V> node = KafkaRddNode.forBatchJob(runtime, kafkaParams, List.of(offsetRanges),
        KafkaBatchRDD::new);
    return RddAccess.rdd(node);
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is null");
    }
  }
}

package io.dstream.kafka;

import io.dstream.InputDStream;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.StreamingContextState;
import io.dstream.internal.ContextAccess;
import io.dstream.internal.StreamingRuntime;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.backpressure.RateController;
import io.dstream.kafka.internal.DirectKafkaInputStreamNode;
import io.dstream.kafka.internal.KafkaKeyPartitioner;
import io.dstream.kafka.internal.KafkaReadSettings;
import io.dstream.kafka.internal.KafkaRddNode;
import io.dstream.kafka.internal.PartitionSource;
import io.dstream.kafka.internal.RateLimit;
import io.dstream.kafka.internal.ScaleOutInstance;
import io.dstream.kafka.internal.ThroughStreamNode;
import io.dstream.kafka.internal.ThroughWriter;
import io.dstream.rdd.RDD;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

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
    DirectKafkaInputStreamNode<K, V> node = directNode(runtime, consumerStrategy.source,
        consumerStrategy.kafkaParams, consumerStrategy.offsets, rateLimit, KafkaReadSettings.fromConf(conf),
        KafkaBatchRDD::new);
    if (rateLimit.backpressure()) {
      ssc.addStreamingListener(RateController.fromConf(conf, batchMs, node.id(), rateLimit));
    }
    return new DirectKafkaInputDStream<>(ContextAccess.inputStream(ssc, node), node);
  }

  /**
   * Makes a direct stream's node; in a scale-out application, a member of the instance's consumer group that
   * reads only the partitions the group gives the instance, from the group's committed offsets (or, where the
   * group has none, by {@code auto.offset.reset}, {@code earliest} unless set).
   *
   * @throws IllegalArgumentException in a scale-out application, if the source does not subscribe to topics by
   *     name
   */
  private static <K, V> DirectKafkaInputStreamNode<K, V> directNode(StreamingRuntime runtime,
      PartitionSource source, Map<String, Object> kafkaParams, Map<TopicPartition, Long> offsets,
      RateLimit rateLimit, KafkaReadSettings settings,
      BiFunction<RDD<ConsumerRecord<K, V>>, List<OffsetRange>, RDD<ConsumerRecord<K, V>>> userRdd) {
    BooleanSupplier active = () -> runtime.state() == StreamingContextState.ACTIVE;
    if (runtime.graph().scaleOutApplication().isEmpty()) {
      return new DirectKafkaInputStreamNode<>(runtime.graph(), runtime.engine(), source, kafkaParams, offsets,
          rateLimit, settings, active, userRdd, null);
    }
    Set<String> topics = source.subscribedTopics().orElseThrow(() -> new IllegalArgumentException("a scale-out "
        + "application shares the partitions of its input topics among its instances through their consumer "
        + "group, so its direct streams subscribe to topics by name with ConsumerStrategies.Subscribe; this one "
        + "reads " + source.describe()));
    ScaleOutInstance instance = ScaleOutInstance.of(runtime, kafkaParams);
    Map<String, Object> params = new HashMap<>(kafkaParams);
    params.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    DirectKafkaInputStreamNode<K, V> node = new DirectKafkaInputStreamNode<>(runtime.graph(), runtime.engine(),
        source, params, offsets, rateLimit, settings, active, userRdd, instance.group());
    instance.group().subscribe(topics, node::offsetsToCommit, params);
    return node;
  }

  /**
   * Sends a pair stream through a Kafka topic keyed by its keys, in a scale-out application: the returned stream
   * holds, in each instance, the records of the keys whose topic partitions the instance owns. A keyed state
   * ({@code updateStateByKey}, {@code mapWithState}) or a {@code reduceByKey} after it therefore sees every
   * record of each of its keys, whichever instance read them first, and keeps its state with the topic's
   * partitions (see docs/scaling.md).
   *
   * <pre>{@code
   * PairDStream<String, Integer> byWord = KafkaUtils.through(words.mapToPair(w -> new Tuple2<>(w, 1)),
   *     "wordcount-words", kafkaParams);
   * PairDStream<String, Long> counts = byWord.updateStateByKey(...);
   * }</pre>
   *
   * <p>Every record sent is one Kafka record: combine first where the keyed operation after allows it
   * ({@code pairs.reduceByKey(Integer::sum)} before a running count sends each word once per instance and batch,
   * instead of once per occurrence; about 3.5 times the throughput of the word count in docs/performance.md).
   *
   * <p>Each batch writes its records to the topic in the batch's transaction (partition: Kafka's default
   * partitioning of the key's bytes, as the context's serializer writes them), and the returned stream reads the
   * topic's committed records: what one batch writes is read by the next, one batch later. The topic is created
   * with {@code dstream.kafka.repartitionPartitions} partitions if it does not exist; its partitions bound how
   * many instances share the work after it.
   *
   * @param pairs the records to send
   * @param topic the topic, the same in every instance and every run; used by this application only
   * @param kafkaParams the Kafka settings: {@code bootstrap.servers} at least (keys and values are written
   *     with the context's serializer, so deserializers are not needed)
   * @param <K> the key type
   * @param <V> the value type
   * @return the records as read back from the topic, partitioned as the topic is
   * @throws IllegalArgumentException if an argument is null or the topic name is blank
   * @throws IllegalStateException if the context is not an instance of a scale-out application
   *     ({@code dstream.application.id}), has started, or the topic cannot be found or created
   */
  public static <K, V> PairDStream<K, V> through(PairDStream<K, V> pairs, String topic,
      Map<String, Object> kafkaParams) {
    requireNonNull(pairs, "pairs");
    requireNonNull(topic, "topic");
    requireNonNull(kafkaParams, "kafkaParams");
    if (topic.isBlank()) {
      throw new IllegalArgumentException("the topic name is blank; name the repartition topic");
    }
    StreamingContext ssc = pairs.context();
    StreamingRuntime runtime = ContextAccess.runtime(ssc);
    ScaleOutInstance instance = ScaleOutInstance.of(runtime, kafkaParams);
    KafkaKeyPartitioner partitioner =
        new KafkaKeyPartitioner(topic, instance.repartitionTopic(topic), runtime.serializer());
    ThroughWriter.write(pairs, topic, partitioner, runtime.serializer(), instance.transaction());
    Map<String, Object> params = new HashMap<>(kafkaParams);
    params.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    params.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    params.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    params.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    long batchMs = runtime.graph().batchDuration().milliseconds();
    DirectKafkaInputStreamNode<byte[], byte[]> topicStream = directNode(runtime,
        PartitionSource.subscribe(List.of(topic)), params, Map.of(), RateLimit.none(batchMs),
        KafkaReadSettings.fromConf(ssc.conf()).oneTaskPerPartition(), (rdd, ranges) -> rdd);
    ThroughStreamNode<K, V> node =
        new ThroughStreamNode<>(topicStream, topic, partitioner, runtime.serializer(), instance);
    return ContextAccess.pairStream(ssc, node);
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

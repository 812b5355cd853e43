package io.dstream.kafka;

import io.dstream.ConfigKeys;
import io.dstream.DStream;
import io.dstream.StreamingContext;
import io.dstream.Time;
import io.dstream.internal.ContextAccess;
import io.dstream.internal.StreamingRuntime;
import io.dstream.kafka.internal.AtLeastOnceWriter;
import io.dstream.kafka.internal.BatchTransactionWriter;
import io.dstream.kafka.internal.PartitionWriter;
import io.dstream.kafka.internal.ScaleOutInstance;
import io.dstream.kafka.internal.TransactionalWriter;
import io.dstream.rdd.RDD;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes streams to Kafka, each batch's partitions from the worker threads that compute them. Two modes:
 *
 * <ul>
 *   <li>{@link #exactlyOnce}: each partition of a batch is one Kafka transaction, whose transactional id is
 *       derived from the application name, the sink's name and the partition, and which also commits a marker
 *       naming the batch. A batch that runs again after a crash (with {@code StreamingContext.getOrCreate})
 *       fences the crashed run's producers, aborts their open transactions, and writes only the partitions
 *       whose transaction no attempt committed. A consumer with {@code isolation.level=read_committed} sees
 *       every record once, after any number of crashes, provided the records of a batch are the same when it
 *       runs again: the input replays exactly (a Kafka direct stream does) and the functions are deterministic.
 *   <li>{@link #atLeastOnce}: no transactions; a task returns once the broker acknowledged its records. A crash
 *       or a failed send before the batch completes makes a restart write the batch again: records may appear
 *       twice, none is lost.
 * </ul>
 *
 * <pre>{@code
 * KafkaSink<String, Long> sink = KafkaSink.exactlyOnce(ssc, producerParams, "word-counts");
 * sink.write(counts.map(count -> new ProducerRecord<>("counts", count._1(), count._2())));
 * }</pre>
 *
 * <p>The producers are made on first use and closed when the context stops.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KafkaSink<K, V> {
  private static final int RECENT_BATCHES = 1_000;

  private final PartitionWriter<K, V> writer;
  private final String transactionalIdPrefix;
  // The latest batches an exactly-once sink was given in this run: it records each batch once, so a second
  // output through it would find its batches "committed" and be skipped.
  private final Set<Time> recentBatches = new LinkedHashSet<>();
  private final AtomicBoolean writesAStream = new AtomicBoolean();
  private final String description;

  private KafkaSink(PartitionWriter<K, V> writer, String transactionalIdPrefix, String description) {
    this.description = description;
    this.writer = writer;
    this.transactionalIdPrefix = transactionalIdPrefix;
  }

  /**
   * Creates a sink that writes each partition of each batch in one Kafka transaction (see the class comment).
   * The transactional ids are {@code dstream.<application name>.<name>.<partition index>}; the consumer group
   * of the same name holds the marker of the batches that id committed (its offset on partition 0 of the
   * topic written to is the latest batch time).
   *
   * @param ssc the context, not started
   * @param producerParams the producer's settings: {@code bootstrap.servers} and the key and value serializers
   *     at least; no {@code transactional.id} (it is derived), and idempotence and {@code acks=all} not
   *     turned off
   * @param name the sink's name, unique in the application and the same in every run of it
   * @param <K> the key type
   * @param <V> the value type
   * @return the sink
   * @throws IllegalArgumentException if a setting is missing or contradicts transactions, the name is blank
   *     or taken by another exactly-once sink of the context, or {@code dstream.app.name} is not set
   * @throws IllegalStateException if the context has stopped
   */
  public static <K, V> KafkaSink<K, V> exactlyOnce(StreamingContext ssc, Map<String, Object> producerParams,
      String name) {
    ProducerSettings settings = ProducerSettings.of(ssc, producerParams);
    settings.requireTransactional();
    StreamingRuntime runtime = ContextAccess.runtime(ssc);
    requireName(name);
    if (runtime.graph().scaleOutApplication().isPresent()) {
      ScaleOutInstance instance = ScaleOutInstance.of(runtime, producerParams);
      PartitionWriter<K, V> writer = runtime.resources().get(new BatchTransactionWriterKey(),
          () -> new BatchTransactionWriter<>(instance.transaction(), settings.config()));
      return new KafkaSink<>(writer, null, "KafkaSink(exactly once, in the batch transactions of "
          + instance.applicationId() + ")");
    }
    if (!ssc.conf().contains(ConfigKeys.APP_NAME.name())) {
      throw new IllegalArgumentException("an exactly-once Kafka sink names its transactions after the application, "
          + "but dstream.app.name is not set (its default would be shared by every application on the cluster, "
          + "which would then skip each other's batches); set it with StreamingConf.setAppName to a name unique on "
          + "the cluster and the same in every run");
    }
    String prefix = "dstream." + ssc.conf().appName() + "." + name;
    TransactionalWriter<K, V> writer = new TransactionalWriter<>(prefix, settings.config(), settings.timeout());
    // Two sinks with one name would fence each other's transactions.
    if (ContextAccess.runtime(ssc).resources().get(new ExactlyOnceWriter(prefix), () -> writer) != writer) {
      throw new IllegalArgumentException("the context has an exactly-once Kafka sink named '" + name + "' already; "
          + "the two would fence each other's transactions: give each sink its own name");
    }
    return new KafkaSink<>(writer, prefix, "KafkaSink(exactly once, " + prefix + ")");
  }

  /**
   * Creates a sink that writes without transactions (see the class comment).
   *
   * @param ssc the context, not started
   * @param producerParams the producer's settings: {@code bootstrap.servers} and the key and value serializers
   *     at least; not {@code acks=0}, which would lose records silently
   * @param <K> the key type
   * @param <V> the value type
   * @return the sink
   * @throws IllegalArgumentException if a setting is missing, or {@code acks} is 0
   * @throws IllegalStateException if the context has stopped
   */
  public static <K, V> KafkaSink<K, V> atLeastOnce(StreamingContext ssc, Map<String, Object> producerParams) {
    ProducerSettings settings = ProducerSettings.of(ssc, producerParams);
    settings.requireAcknowledged();
    PartitionWriter<K, V> writer = ContextAccess.runtime(ssc).resources().get(new AtLeastOnceWriterKey(),
        () -> new AtLeastOnceWriter<>(settings.config(), settings.timeout()));
    return new KafkaSink<>(writer, null, "KafkaSink(at least once)");
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank() || !name.equals(name.strip())) {
      throw new IllegalArgumentException("the sink's name '" + name + "' is blank or has surrounding spaces; give "
          + "a name that stays the same in every run of the application, such as the output topic's");
    }
  }

  /** The key of an exactly-once sink's writer among the context's resources: one per transactional id prefix. */
  private record ExactlyOnceWriter(String transactionalIdPrefix) {}

  /** The key of an at-least-once sink's writer among the context's resources: each sink has its own. */
  private static final class AtLeastOnceWriterKey {
    @Override
    public String toString() {
      return "the writer of an at-least-once Kafka sink";
    }
  }

  /** The key of a scale-out exactly-once sink's writer: each sink has its own serializers. */
  private static final class BatchTransactionWriterKey {
    @Override
    public String toString() {
      return "the writer of an exactly-once Kafka sink of a scale-out application";
    }
  }

  /**
   * Writes every batch of a stream: an output operation, as {@code foreachRDD}.
   *
   * @param records the records to write, each naming its topic
   * @throws IllegalArgumentException if {@code records} is null
   * @throws IllegalStateException if the stream's context has started or stopped, or this exactly-once sink
   *     writes a stream already (it records each batch once: union the streams, or make a second sink)
   */
  public void write(DStream<ProducerRecord<K, V>> records) {
    if (records == null) {
      throw new IllegalArgumentException("records is null");
    }
    if (transactionalIdPrefix != null && !writesAStream.compareAndSet(false, true)) {
      throw new IllegalStateException(this + " writes a stream already; a sink writes one stream: union the streams "
          + "first, or make a second sink (with its own name)");
    }
    records.foreachRDD((rdd, time) -> write(rdd, time));
  }

  /**
   * Writes one batch's records, from inside {@code foreachRDD((rdd, time) -> ...)}: runs a job over the RDD's
   * partitions and returns once every partition is written (or committed).
   *
   * @param records the batch's records, each naming its topic
   * @param batchTime the batch's time, as {@code foreachRDD} gives it: the exactly-once mode records it
   * @throws IllegalArgumentException if an argument is null
   * @throws IllegalStateException if this sink was given the same batch time before in this run: it records
   *     each batch once, so a second RDD of that batch would be taken for written and skipped
   * @throws io.dstream.rdd.JobFailedException if a partition could not be written; its cause says why
   */
  public void write(RDD<ProducerRecord<K, V>> records, Time batchTime) {
    if (records == null || batchTime == null) {
      throw new IllegalArgumentException("records and batchTime must not be null; call write(rdd, time) from "
          + "foreachRDD((rdd, time) -> ...)");
    }
    if (transactionalIdPrefix != null && !firstTimeGiven(batchTime)) {
      throw new IllegalStateException(this + " was given batch " + batchTime + " twice: it records each batch "
          + "once, so the second RDD would be skipped as already written; union what a batch writes into one RDD, "
          + "or use a second sink (with its own name)");
    }
    int partitions = records.getNumPartitions();
    records.mapPartitionsWithIndex((index, partition) -> {
      writer.write(batchTime, index, partitions, partition);
      return Collections.emptyIterator();
    }, false).count();
  }

  /** Remembers a batch time among the latest ones; false if it is among them already. */
  private boolean firstTimeGiven(Time batchTime) {
    synchronized (recentBatches) {
      if (!recentBatches.add(batchTime)) {
        return false;
      }
      if (recentBatches.size() > RECENT_BATCHES) {
        recentBatches.remove(recentBatches.iterator().next());
      }
      return true;
    }
  }

  /**
   * Returns the prefix of the exactly-once mode's transactional ids.
   *
   * @return {@code dstream.<application name>.<sink name>}, or null for an at-least-once sink
   */
  public String transactionalIdPrefix() {
    return transactionalIdPrefix;
  }

  @Override
  public String toString() {
    return description;
  }

  /** The producer settings a user gave, checked, with the timeout of the sink's own Kafka calls. */
  private record ProducerSettings(Map<String, Object> config, Duration timeout) {
    static ProducerSettings of(StreamingContext ssc, Map<String, Object> producerParams) {
      if (ssc == null || producerParams == null) {
        throw new IllegalArgumentException("ssc and producerParams must not be null");
      }
      for (String required : new String[] {ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG}) {
        if (producerParams.get(required) == null) {
          throw new IllegalArgumentException("producerParams has no " + required + "; a Kafka sink needs "
              + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG + " and the key and value serializers");
        }
      }
      Duration timeout = Duration.ofMillis(ssc.conf().get(ConfigKeys.KAFKA_POLL_TIMEOUT).milliseconds());
      return new ProducerSettings(new HashMap<>(producerParams), timeout);
    }

    void requireTransactional() {
      if (config.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
        throw new IllegalArgumentException("producerParams sets transactional.id '"
            + config.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG) + "', but an exactly-once sink derives one per "
            + "partition from the application and sink names; remove it");
      }
      if ("false".equals(String.valueOf(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)))) {
        throw new IllegalArgumentException("producerParams sets enable.idempotence=false, but Kafka transactions "
            + "need an idempotent producer; remove the setting");
      }
      Object acks = config.get(ProducerConfig.ACKS_CONFIG);
      if (acks != null && !"all".equals(String.valueOf(acks)) && !"-1".equals(String.valueOf(acks))) {
        throw new IllegalArgumentException("producerParams sets acks=" + acks + ", but Kafka transactions need "
            + "acks=all; remove the setting");
      }
    }

    void requireAcknowledged() {
      if ("0".equals(String.valueOf(config.get(ProducerConfig.ACKS_CONFIG)))) {
        throw new IllegalArgumentException("producerParams sets acks=0, with which a lost record is never noticed; "
            + "use acks=1 or all for an at-least-once sink");
      }
    }
  }
}

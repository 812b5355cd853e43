package io.dstream.kafka.internal;

import io.dstream.internal.StreamingRuntime;
import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.RddNode;
import io.dstream.kafka.OffsetRange;
import io.dstream.rdd.RDD;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;

/**
 * The RDD of one batch of Kafka records: the records of its offset ranges (one per partition), read by its tasks
 * from the broker with the task thread's cached consumer of the partition. A range is one task, or several if
 * it is large ({@link RangeSplits}); the RDD a user function receives still tells the ranges themselves.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KafkaRddNode<K, V> extends RddNode<ConsumerRecord<K, V>> {
  private final List<OffsetRange> ranges;
  private final List<OffsetRange> tasks;
  private final ConsumerPool<K, V> consumers;
  private final long timeoutNanos;
  private final BiFunction<RDD<ConsumerRecord<K, V>>, List<OffsetRange>, RDD<ConsumerRecord<K, V>>> userRdd;

  KafkaRddNode(Engine engine, List<OffsetRange> ranges, ConsumerPool<K, V> consumers, KafkaReadSettings settings,
      BiFunction<RDD<ConsumerRecord<K, V>>, List<OffsetRange>, RDD<ConsumerRecord<K, V>>> userRdd) {
    super(engine);
    this.ranges = ranges;
    this.tasks = RangeSplits.of(ranges, engine.defaultParallelism(), settings.minOffsetsPerTask());
    this.consumers = consumers;
    this.timeoutNanos = settings.pollTimeout().toNanos();
    this.userRdd = userRdd;
  }

  /**
   * Makes the RDD of a batch job over given ranges ({@code KafkaUtils.createRDD}): its tasks read with consumers
   * that the context keeps for all such RDDs of the same settings, closed when it stops.
   *
   * @param runtime the context's runtime
   * @param kafkaParams the consumer settings the user gave
   * @param ranges the ranges
   * @param userRdd makes the RDD the user receives from the plain one and the ranges
   * @param <K> the key type
   * @param <V> the value type
   * @return the node
   * @throws IllegalStateException if the context has stopped
   */
  public static <K, V> KafkaRddNode<K, V> forBatchJob(StreamingRuntime runtime, Map<String, Object> kafkaParams,
      List<OffsetRange> ranges,
      BiFunction<RDD<ConsumerRecord<K, V>>, List<OffsetRange>, RDD<ConsumerRecord<K, V>>> userRdd) {
    Map<String, Object> params = Map.copyOf(kafkaParams);
    ConsumerPool<K, V> consumers = runtime.resources().get(new BatchJobConsumers(params),
        () -> new ConsumerPool<K, V>(params));
    return new KafkaRddNode<>(runtime.engine(), List.copyOf(ranges), consumers,
        KafkaReadSettings.fromConf(runtime.conf()), userRdd);
  }

  /** The key of the consumers of batch jobs with the same settings. */
  private record BatchJobConsumers(Map<String, Object> kafkaParams) {}

  @Override
  public int numPartitions() {
    return tasks.size();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  protected Iterator<ConsumerRecord<K, V>> compute(int partition) {
    OffsetRange range = tasks.get(partition);
    return range.count() == 0 ? Collections.emptyIterator() : new RangeReader(range);
  }

  @Override
  public RDD<ConsumerRecord<K, V>> userRdd(RDD<ConsumerRecord<K, V>> plain) {
    return userRdd.apply(plain, ranges);
  }

  @Override
  public String describe() {
    return "KafkaBatch" + ranges;
  }

  /** Reads one range, record by record; allocates nothing per record beyond the consumer's own records. */
  private final class RangeReader implements Iterator<ConsumerRecord<K, V>> {
    private final OffsetRange range;
    private final TopicPartition partition;
    private final PartitionConsumer<K, V> consumer;
    private long offset;
    private ConsumerRecord<K, V> next;
    private boolean done;

    RangeReader(OffsetRange range) {
      this.range = range;
      this.partition = range.topicPartition();
      this.consumer = consumers.acquire(partition);
      this.offset = range.fromOffset();
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        next = read();
        done = next == null;
      }
      return next != null;
    }

    @Override
    public ConsumerRecord<K, V> next() {
      if (!hasNext()) {
        throw new NoSuchElementException("the range " + range + " has no more records");
      }
      ConsumerRecord<K, V> record = next;
      next = null;
      offset = record.offset() + 1;
      return record;
    }

    private ConsumerRecord<K, V> read() {
      try {
        return consumer.next(offset, range.untilOffset(), timeoutNanos);
      } catch (RecordDeserializationException e) {
        consumers.discard(partition);
        throw new IllegalStateException("cannot deserialize the " + e.origin().name().toLowerCase(Locale.ROOT)
            + " of the record of " + e.topicPartition() + " at offset " + e.offset() + " (batch range " + range
            + "): " + e.getCause(), e);
      } catch (OffsetOutOfRangeException e) {
        consumers.discard(partition);
        throw new IllegalStateException("offset " + offset + " of " + partition + " is out of range on the broker "
            + "(batch range " + range + "): its records were deleted (retention) after the batch was generated", e);
      } catch (RuntimeException e) {
        consumers.discard(partition);
        throw e;
      }
    }
  }
}

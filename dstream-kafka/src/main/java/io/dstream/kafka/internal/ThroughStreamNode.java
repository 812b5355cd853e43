package io.dstream.kafka.internal;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.scaleout.PartitionScope;
import io.dstream.internal.scaleout.StateChangelog;
import io.dstream.internal.stream.StreamNode;
import io.dstream.kafka.OffsetRange;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The read side of a repartition topic ({@code KafkaUtils.through}): each batch is what the topic's direct stream
 * read, placed at the records' Kafka partitions ({@link PlacedRddNode}). It carries the topic's
 * {@link PartitionScope}, so that a state downstream lives with the topic's partitions.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ThroughStreamNode<K, V> extends StreamNode<Tuple2<K, V>> {
  private final DirectKafkaInputStreamNode<byte[], byte[]> topicStream;
  private final String topic;
  private final KafkaKeyPartitioner partitioner;
  private final Serializer serializer;
  private final InstanceGroup group;
  private final ScaleOutInstance instance;
  private final PartitionScope scope = new Scope();

  /**
   * Creates the stream.
   *
   * @param topicStream the direct stream of the topic, in the instance's group, each partition read by one task
   * @param topic the topic
   * @param partitioner the topic's partitioner
   * @param serializer reads keys and values
   * @param instance the instance, whose group and changelogs the scope uses
   * @throws IllegalStateException if the context has already started
   */
  public ThroughStreamNode(DirectKafkaInputStreamNode<byte[], byte[]> topicStream, String topic,
      KafkaKeyPartitioner partitioner, Serializer serializer, ScaleOutInstance instance) {
    super(topicStream.graph());
    this.topicStream = topicStream;
    this.topic = topic;
    this.partitioner = partitioner;
    this.serializer = serializer;
    this.group = instance.group();
    this.instance = instance;
  }

  @Override
  protected RddNode<Tuple2<K, V>> compute(Time time) throws Exception {
    RddNode<ConsumerRecord<byte[], byte[]>> records = topicStream.getOrCompute(time);
    if (records == null) {
      return null;
    }
    List<OffsetRange> ranges = topicStream.rangesOf(time);
    int[] source = new int[partitioner.numPartitions()];
    Arrays.fill(source, -1);
    for (int i = 0; i < ranges.size(); i++) {
      int partition = ranges.get(i).partition();
      if (partition >= source.length) {
        throw new IllegalStateException("the repartition topic " + topic + " has a partition " + partition + ", but "
            + "it had " + source.length + " when the application started, and its keys are placed by that count; "
            + "a repartition topic's partitions cannot be added while the application runs: stop every instance, "
            + "delete the topic and the state's changelog topics, and start again");
      }
      source[partition] = i;
    }
    return new PlacedRddNode<>(records, source, partitioner, serializer);
  }

  @Override
  public Optional<PartitionScope> partitionScope() {
    return Optional.of(scope);
  }

  @Override
  public Duration slideDuration() {
    return topicStream.slideDuration();
  }

  @Override
  public List<StreamNode<?>> dependencies() {
    return List.of(topicStream);
  }

  @Override
  public String operationName() {
    return "through";
  }

  /** The topic: the same in every run, and in every instance. */
  @Override
  public Map<String, String> parameters() {
    return Map.of("topic", topic);
  }

  /** The topic's partitions, as the instance's group assigns them. */
  private final class Scope implements PartitionScope {
    @Override
    public io.dstream.rdd.Partitioner partitioner() {
      return partitioner;
    }

    @Override
    public Ownership ownership(Time batch) {
      InstanceGroup.BatchView view = group.viewAt(batch);
      return new Ownership(partitionsOfTopic(view.owned()), partitionsOfTopic(view.gained()));
    }

    private Set<Integer> partitionsOfTopic(Set<TopicPartition> partitions) {
      Set<Integer> numbers = new HashSet<>();
      for (TopicPartition partition : partitions) {
        if (partition.topic().equals(topic)) {
          numbers.add(partition.partition());
        }
      }
      return numbers;
    }

    @Override
    public StateChangelog changelog(String stateKey) {
      return instance.changelog(stateKey, partitioner.numPartitions());
    }

    @Override
    public String describe() {
      return "the partitions of topic " + topic;
    }
  }
}

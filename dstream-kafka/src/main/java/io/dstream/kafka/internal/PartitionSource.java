package io.dstream.kafka.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions a direct stream reads, asked again at every batch so that new partitions of a subscribed
 * topic join at the next batch.
 */
public interface PartitionSource {
  /**
   * Returns the partitions to read now.
   *
   * @param topics the broker's topics and their partitions, as the stream's consumer lists them for this batch
   * @return the partitions (an assigned one may be missing from {@code topics})
   */
  Set<TopicPartition> partitions(Map<String, List<PartitionInfo>> topics);

  /**
   * Returns what is read, as the checkpoint records it: recovery refuses a stream that reads something else.
   *
   * @return such as {@code subscribe=orders,payments}
   */
  String describe();

  /**
   * Returns the topics this source subscribes to by name, as a scale-out application's consumer group needs them.
   *
   * @return the topics, or empty if the source assigns partitions or matches topics by a pattern
   */
  default Optional<Set<String>> subscribedTopics() {
    return Optional.empty();
  }

  /**
   * Reads every partition of some topics, as they are at each batch.
   *
   * @param topics the topics
   * @return the source
   */
  static PartitionSource subscribe(Collection<String> topics) {
    Set<String> sorted = new TreeSet<>(topics);
    return new PartitionSource() {
      @Override
      public Set<TopicPartition> partitions(Map<String, List<PartitionInfo>> topics) {
        return partitionsOf(topics, sorted::contains);
      }

      @Override
      public String describe() {
        return "subscribe=" + String.join(",", sorted);
      }

      @Override
      public Optional<Set<String>> subscribedTopics() {
        return Optional.of(sorted);
      }
    };
  }

  /**
   * Reads every partition of the topics whose names match a pattern, as they are at each batch.
   *
   * @param pattern the pattern
   * @return the source
   */
  static PartitionSource subscribePattern(Pattern pattern) {
    return new PartitionSource() {
      @Override
      public Set<TopicPartition> partitions(Map<String, List<PartitionInfo>> topics) {
        return partitionsOf(topics, topic -> pattern.matcher(topic).matches());
      }

      @Override
      public String describe() {
        return "subscribePattern=" + pattern.pattern();
      }
    };
  }

  /**
   * Reads a fixed set of partitions.
   *
   * @param partitions the partitions
   * @return the source
   */
  static PartitionSource assign(Collection<TopicPartition> partitions) {
    Set<TopicPartition> fixed = Set.copyOf(partitions);
    return new PartitionSource() {
      @Override
      public Set<TopicPartition> partitions(Map<String, List<PartitionInfo>> topics) {
        return fixed;
      }

      @Override
      public String describe() {
        return "assign=" + new TreeSet<>(fixed.stream().map(TopicPartition::toString).toList());
      }
    };
  }

  private static Set<TopicPartition> partitionsOf(Map<String, List<PartitionInfo>> topics, Predicate<String> wanted) {
    Set<TopicPartition> partitions = new HashSet<>();
    topics.forEach((topic, infos) -> {
      if (wanted.test(topic)) {
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      }
    });
    return partitions;
  }
}

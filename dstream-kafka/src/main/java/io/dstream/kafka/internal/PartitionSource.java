package io.dstream.kafka.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
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
   * @param driver the stream's consumer, used for metadata only
   * @param timeout how long a metadata request may take
   * @return the partitions
   */
  Set<TopicPartition> partitions(Consumer<?, ?> driver, Duration timeout);

  /**
   * Returns what is read, as the checkpoint records it: recovery refuses a stream that reads something else.
   *
   * @return such as {@code subscribe=orders,payments}
   */
  String describe();

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
      public Set<TopicPartition> partitions(Consumer<?, ?> driver, Duration timeout) {
        return partitionsOf(driver.listTopics(timeout), sorted::contains);
      }

      @Override
      public String describe() {
        return "subscribe=" + String.join(",", sorted);
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
      public Set<TopicPartition> partitions(Consumer<?, ?> driver, Duration timeout) {
        return partitionsOf(driver.listTopics(timeout), topic -> pattern.matcher(topic).matches());
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
      public Set<TopicPartition> partitions(Consumer<?, ?> driver, Duration timeout) {
        return fixed;
      }

      @Override
      public String describe() {
        return "assign=" + new TreeSet<>(fixed.stream().map(TopicPartition::toString).toList());
      }
    };
  }

  private static Set<TopicPartition> partitionsOf(Map<String, List<PartitionInfo>> topics,
      java.util.function.Predicate<String> wanted) {
    Set<TopicPartition> partitions = new java.util.HashSet<>();
    topics.forEach((topic, infos) -> {
      if (wanted.test(topic)) {
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      }
    });
    return partitions;
  }
}

package io.dstream.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * What the broker says about a scale-out application's progress, through an {@link Admin}: its consumer group's
 * members and committed offsets (with the batch time each instance puts in the offset's metadata,
 * {@code dstream-batch=<ms>}), and the end offsets of its topics.
 */
final class GroupProgress implements AutoCloseable {
  private static final String BATCH_PREFIX = "dstream-batch=";

  private final Admin admin;
  private final String group;

  /**
   * Opens an admin client for one application's group.
   *
   * @param bootstrapServers the broker
   * @param group the application id, which names the group
   */
  GroupProgress(String bootstrapServers, String group) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    this.group = group;
  }

  /**
   * Tells whether the group is stable with {@code members} members, each assigned some partitions.
   *
   * @param members how many members are expected
   * @return true if so
   */
  boolean balancedAmong(int members) {
    return describe().filter(description -> description.groupState() == GroupState.STABLE
        && description.members().size() == members && description.members().stream()
            .map(MemberDescription::assignment).allMatch(assignment -> !assignment.topicPartitions().isEmpty()))
        .isPresent();
  }

  /**
   * Returns the group's state and its number of members.
   *
   * @return for example {@code STABLE/3}, or {@code none/0} before the first member joined
   */
  String stateAndMembers() {
    return describe().map(description -> description.groupState() + "/" + description.members().size())
        .orElse("none/0");
  }

  /** The group's description, or empty while it does not exist. */
  private Optional<ConsumerGroupDescription> describe() {
    try {
      return Optional.of(get(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)));
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Returns the group's committed offsets.
   *
   * @return each partition with a committed offset, and that offset
   */
  Map<TopicPartition, OffsetAndMetadata> committed() {
    Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).forEach((partition, offset) -> {
      if (offset != null) {
        committed.put(partition, offset);
      }
    });
    return committed;
  }

  /**
   * Returns the batch time an instance wrote into a committed offset's metadata.
   *
   * @param offset the committed offset
   * @return the batch time in ms, or -1 if the metadata names none
   */
  static long batchTimeOf(OffsetAndMetadata offset) {
    String metadata = offset.metadata();
    return metadata != null && metadata.startsWith(BATCH_PREFIX)
        ? Long.parseLong(metadata.substring(BATCH_PREFIX.length())) : -1;
  }

  /**
   * Returns the end offsets of partitions 0 to {@code partitions - 1} of a topic: each one past its last record
   * (the high watermark; not the last stable offset, which a transaction's commit moves only once its markers are
   * written, after {@code commitTransaction} has returned).
   *
   * @param topic the topic
   * @param partitions its number of partitions
   * @return each partition's end
   */
  Map<TopicPartition, Long> ends(String topic, int partitions) {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    KafkaTopicFiller.partitions(topic, partitions).forEach(partition -> latest.put(partition, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    get(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all())
        .forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }

  /**
   * Tells whether the group has committed every given partition up to at least its given end.
   *
   * @param ends the partitions and their ends
   * @return true if each partition's committed offset has reached its end
   */
  boolean reached(Map<TopicPartition, Long> ends) {
    Map<TopicPartition, OffsetAndMetadata> committed = committed();
    return ends.entrySet().stream().allMatch(end -> committed.containsKey(end.getKey())
        && committed.get(end.getKey()).offset() >= end.getValue());
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the broker did not answer an admin request: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}

package io.dstream.kafka.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The settings of a scale-out instance's group consumer ({@link InstanceGroup}). */
final class GroupConsumerConfig {
  /** How long an instance may be silent before the group gives its partitions to the others. */
  private static final int SESSION_TIMEOUT_MS = 10_000;

  private GroupConsumerConfig() {}

  /**
   * Returns the group consumer's settings: those of the first direct stream of the instance, with what the group
   * needs.
   *
   * @param applicationId the application id, the group's name
   * @param kafkaParams the stream's settings
   * @return the settings
   *
   * @throws IllegalArgumentException if the user's settings contradict it
   */
  static Map<String, Object> of(String applicationId, Map<String, Object> kafkaParams) {
    Object groupId = kafkaParams.get(ConsumerConfig.GROUP_ID_CONFIG);
    if (groupId != null && !applicationId.equals(groupId)) {
      throw new IllegalArgumentException("kafkaParams sets group.id '" + groupId + "', but the instances of the "
          + "scale-out application '" + applicationId + "' share the consumer group named by "
          + "dstream.application.id; remove group.id");
    }
    Object assignor = kafkaParams.get(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
    if (assignor != null && !RangeAssignor.class.getName().equals(name(assignor))) {
      throw new IllegalArgumentException("kafkaParams sets partition.assignment.strategy " + assignor + ", but a "
          + "scale-out application moves partitions only between batches with the eager RangeAssignor; remove it");
    }
    Object protocol = kafkaParams.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
    if (protocol != null && !"classic".equalsIgnoreCase(String.valueOf(protocol))) {
      throw new IllegalArgumentException("kafkaParams sets group.protocol=" + protocol + ", but a scale-out "
          + "application uses the classic group protocol; remove it");
    }
    Map<String, Object> config = new HashMap<>(kafkaParams);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, applicationId);
    config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // It never fetches, but poll() looks up positions for its partitions, and "none" would throw there.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
    config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MS / 5);
    return config;
  }

  private static String name(Object assignor) {
    if (assignor instanceof Class<?> type) {
      return type.getName();
    }
    if (assignor instanceof List<?> list && list.size() == 1) {
      return name(list.get(0));
    }
    return String.valueOf(assignor).strip();
  }

}

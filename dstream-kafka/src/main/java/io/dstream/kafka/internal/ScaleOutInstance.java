package io.dstream.kafka.internal;

import io.dstream.ConfigKeys;
import io.dstream.StreamingContextState;
import io.dstream.internal.StreamingRuntime;
import io.dstream.internal.scheduler.BatchCommitter;
import io.dstream.internal.state.StateChangelog;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of a scale-out application ({@code dstream.application.id}) as Kafka sees it: its membership in
 * the application's consumer group ({@link InstanceGroup}), the transaction each batch commits in
 * ({@link BatchTransaction}), and the topics the application keeps (repartition topics, state changelogs). One
 * per context, made by the first Kafka stream or sink defined in it, closed when the context stops (leaving the
 * group, so that the other instances take over at once).
 */
public final class ScaleOutInstance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScaleOutInstance.class);
  /** How long a crashed instance's open transaction lasts; Kafka Streams' default for exactly-once too. */
  private static final int TRANSACTION_TIMEOUT_MS = 10_000;
  /** How long an instance may be silent before the group gives its partitions to the others. */
  private static final int SESSION_TIMEOUT_MS = 10_000;

  private final String applicationId;
  private final String bootstrapServers;
  private final Map<String, Object> clientConfig;
  private final StreamingRuntime runtime;
  private final InstanceGroup group;
  private final BatchTransaction transaction;
  private final Admin admin;
  private final Duration timeout;
  private final Map<String, KafkaStateChangelog> changelogs = new HashMap<>();

  private ScaleOutInstance(StreamingRuntime runtime, String applicationId, Map<String, Object> kafkaParams) {
    this.applicationId = applicationId;
    this.runtime = runtime;
    this.bootstrapServers = String.valueOf(kafkaParams.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
    this.clientConfig = clientConfig(kafkaParams);
    this.timeout = Duration.ofMillis(runtime.conf().get(ConfigKeys.KAFKA_POLL_TIMEOUT).milliseconds());
    Duration batchInterval = Duration.ofMillis(runtime.graph().batchDuration().milliseconds());
    // Reading a gained partition's offsets waits for its previous owner's open transaction to end.
    Duration settle = Duration.ofMillis(3L * TRANSACTION_TIMEOUT_MS).plus(timeout);
    this.group = new InstanceGroup(applicationId, groupConsumerConfig(applicationId, kafkaParams), batchInterval,
        settle, () -> runtime.state() == StreamingContextState.ACTIVE, runtime.bus());
    this.transaction = new BatchTransaction(producerConfig(), group, runtime::stopAfterFailure, timeout);
    this.admin = Admin.create(clientConfig);
    runtime.addBatchCommitter(transaction, BatchCommitter.Phase.COMMIT);
  }

  /**
   * Returns the instance of a context, made on first use.
   *
   * @param runtime the context's runtime
   * @param kafkaParams the Kafka settings of the stream or sink being defined
   * @return the instance
   * @throws IllegalStateException if the context is not an instance of a scale-out application
   * @throws IllegalArgumentException if the settings reach another cluster than the instance's, or contradict
   *     what the group needs
   */
  public static ScaleOutInstance of(StreamingRuntime runtime, Map<String, Object> kafkaParams) {
    Optional<String> application = runtime.graph().scaleOutApplication();
    if (application.isEmpty()) {
      throw new IllegalStateException("this needs a scale-out application: set dstream.application.id to the id "
          + "that every instance of the application shares");
    }
    ScaleOutInstance instance = runtime.resources().get(ScaleOutInstance.class,
        () -> new ScaleOutInstance(runtime, application.get(), kafkaParams));
    String servers = String.valueOf(kafkaParams.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
    if (!instance.bootstrapServers.equals(servers)) {
      throw new IllegalArgumentException("bootstrap.servers is " + servers + ", but the scale-out application's "
          + "other Kafka streams use " + instance.bootstrapServers + "; an instance works with one Kafka cluster");
    }
    return instance;
  }

  /**
   * Returns the instance's group membership.
   *
   * @return the group
   */
  public InstanceGroup group() {
    return group;
  }

  /**
   * Returns the transaction the instance's batches commit in.
   *
   * @return the transaction
   */
  public BatchTransaction transaction() {
    return transaction;
  }

  /**
   * Returns the application id.
   *
   * @return the id
   */
  public String applicationId() {
    return applicationId;
  }

  /**
   * Returns the number of partitions of a repartition topic, creating it with
   * {@code dstream.kafka.repartitionPartitions} partitions if it does not exist.
   *
   * @param topic the topic
   * @return its number of partitions
   */
  public int repartitionTopic(String topic) {
    return ensureTopic(topic, runtime.conf().get(ConfigKeys.KAFKA_REPARTITION_PARTITIONS), Map.of());
  }

  /**
   * Returns the changelog of a state, creating its compacted topic if it does not exist.
   *
   * @param stateKey the state stream's stable key
   * @param partitions the number of partitions of the state
   * @return the changelog
   * @throws IllegalStateException if the topic exists with another number of partitions
   */
  public synchronized StateChangelog changelog(String stateKey, int partitions) {
    String topic = applicationId + "-" + stateKey.replaceAll("[^A-Za-z0-9._-]", "_") + "-changelog";
    KafkaStateChangelog known = changelogs.get(topic);
    if (known != null) {
      return known;
    }
    int existing = ensureTopic(topic, partitions,
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    if (existing != partitions) {
      throw new IllegalStateException("the changelog topic " + topic + " has " + existing + " partitions, but the "
          + "state it keeps lives in " + partitions + " partitions (those of the topic its records come through); "
          + "delete the changelog topic (losing the state), or give the repartition topic " + existing
          + " partitions");
    }
    Map<String, Object> restore = new HashMap<>(clientConfig);
    restore.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    restore.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    restore.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    restore.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaStateChangelog changelog = new KafkaStateChangelog(topic, runtime.serializer(), transaction, restore, admin,
        Duration.ofMillis(3L * TRANSACTION_TIMEOUT_MS), runtime.bus());
    changelogs.put(topic, changelog);
    return changelog;
  }

  private int ensureTopic(String topic, int partitions, Map<String, String> config) {
    try {
      try {
        return describe(topic).partitions().size();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
      try {
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(config)))
            .all().get();
        LOG.info("Created topic {} with {} partitions for the scale-out application {}", topic, partitions,
            applicationId);
        return partitions;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        return describe(topic).partitions().size(); // another instance created it meanwhile
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not find or create the topic " + topic + ": " + e.getCause(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while finding or creating the topic " + topic, e);
    }
  }

  private TopicDescription describe(String topic) throws ExecutionException, InterruptedException {
    return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
  }

  /** The settings every client of the instance shares: the cluster and its security. */
  private static Map<String, Object> clientConfig(Map<String, Object> kafkaParams) {
    Map<String, Object> config = new HashMap<>();
    kafkaParams.forEach((key, value) -> {
      if (AdminClientConfig.configNames().contains(key)) {
        config.put(key, value);
      }
    });
    return config;
  }

  /**
   * The group consumer's settings: the user's, with what the group needs.
   *
   * @throws IllegalArgumentException if the user's settings contradict it
   */
  private static Map<String, Object> groupConsumerConfig(String applicationId, Map<String, Object> kafkaParams) {
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

  /** The batch transaction's producer settings. */
  private Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-" + UUID.randomUUID());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }

  /** Leaves the group first (the others take over at once), then closes the producer and the admin client. */
  @Override
  public void close() {
    try {
      group.close();
    } finally {
      try {
        transaction.close();
      } finally {
        admin.close(timeout);
      }
    }
  }
}

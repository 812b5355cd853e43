package io.dstream.kafka.internal;

import io.dstream.ConfigKeys;
import io.dstream.StreamingContextState;
import io.dstream.internal.StreamingRuntime;
import io.dstream.internal.scaleout.BatchCommitter;
import io.dstream.internal.scaleout.StateChangelog;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
  /** How often the broker looks for timed-out transactions to abort (its default). */
  private static final Duration ABORT_CHECK_INTERVAL = Duration.ofSeconds(10);
  /** The least time between two deletions of consumed repartition records; Kafka Streams' default too. */
  private static final long PURGE_INTERVAL_MS = 30_000;

  private final String applicationId;
  private final String bootstrapServers;
  private final Map<String, Object> clientConfig;
  private final StreamingRuntime runtime;
  private final InstanceGroup group;
  private final BatchTransaction transaction;
  private final Admin admin;
  private final RepartitionPurge purge;
  private final Duration timeout;
  private final Duration transactionTimeout;
  // How long a new owner may wait for the previous owner's last transaction to end: its timeout, the broker's
  // check for timed-out transactions, and the same again to spare.
  private final Duration settleTimeout;
  private final Map<String, KafkaStateChangelog> changelogs = new HashMap<>();

  private ScaleOutInstance(StreamingRuntime runtime, String applicationId, Map<String, Object> kafkaParams) {
    this.applicationId = applicationId;
    this.runtime = runtime;
    this.bootstrapServers = String.valueOf(kafkaParams.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
    // The settings every client of the instance shares: the cluster and its security.
    this.clientConfig = TransactionalWriter.adminConfig(kafkaParams);
    this.timeout = Duration.ofMillis(runtime.conf().get(ConfigKeys.KAFKA_POLL_TIMEOUT).milliseconds());
    this.transactionTimeout =
        Duration.ofMillis(runtime.conf().get(ConfigKeys.KAFKA_TRANSACTION_TIMEOUT).milliseconds());
    this.settleTimeout = transactionTimeout.plus(ABORT_CHECK_INTERVAL).multipliedBy(2);
    Duration batchInterval = Duration.ofMillis(runtime.graph().batchDuration().milliseconds());
    this.group = new InstanceGroup(applicationId, batchInterval,
        settleTimeout, () -> runtime.state() == StreamingContextState.ACTIVE, runtime::postEvent);
    this.admin = Admin.create(clientConfig);
    this.purge = new RepartitionPurge(admin, PURGE_INTERVAL_MS);
    this.transaction =
        new BatchTransaction(producerConfig(), group, runtime::stopAfterFailure, purge::committed, timeout);
    runtime.addBatchCommitter(transaction, BatchCommitter.Phase.COMMIT);
    // Asked before the batch's streams are computed, so that its wait for the previous batch's commit holds no
    // stream's lock.
    runtime.beforeEachBatch(group::viewAt);
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
   * {@code dstream.kafka.repartitionPartitions} partitions if it does not exist. Its records are deleted once
   * the batches that read them have committed.
   *
   * @param topic the topic
   * @return its number of partitions
   */
  public int repartitionTopic(String topic) {
    purge.add(topic);
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
        settleTimeout, timeout, runtime::postEvent);
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

  /** The batch transaction's producer settings. */
  private Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-" + UUID.randomUUID());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) transactionTimeout.toMillis());
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

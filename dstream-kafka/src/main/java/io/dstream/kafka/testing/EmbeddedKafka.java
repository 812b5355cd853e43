package io.dstream.kafka.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker for tests, in this JVM: one node in KRaft mode (broker and controller in one), on
 * {@code 127.0.0.1} with free ports, its logs in a temporary directory deleted on {@link #close()}. Start one per
 * test class; it starts in a few seconds. {@link #stopBroker()} and {@link #restartBroker()} take it away and
 * bring it back on the same ports and logs, for tests of a broker outage; its log cleaner runs, so that compacted
 * topics are compacted (see {@link #createTopic(String, int, Map)}).
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *   kafka.createTopic("words", 2);
 *   kafka.produce("words", 0, List.of("a", "b"));
 *   List<ConsumerRecord<String, String>> read = kafka.consume("words", 2, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>It needs the broker on the test class path: {@code org.apache.kafka:kafka_2.13} and
 * {@code org.apache.kafka:kafka-server}, which dstream-kafka declares optional (see docs/kafka.md).
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final Path logDir;
  private final int brokerPort;
  private final KafkaConfig config;
  private final Admin admin;
  // Null while the broker is stopped.
  private KafkaRaftServer server;

  private EmbeddedKafka(Path logDir, int brokerPort, KafkaConfig config, KafkaRaftServer server) {
    this.logDir = logDir;
    this.brokerPort = brokerPort;
    this.config = config;
    this.server = server;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /**
   * Formats a new log directory and starts a broker on it.
   *
   * @return the running broker
   * @throws IllegalStateException if the broker cannot be formatted or started
   */
  public static EmbeddedKafka start() {
    Path logDir;
    try {
      logDir = Files.createTempDirectory("dstream-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary log directory for the embedded Kafka broker", e);
    }
    int brokerPort = freePort();
    int controllerPort = freePort();
    KafkaConfig config = new KafkaConfig(brokerProperties(logDir, brokerPort, controllerPort), false);
    try {
      new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(1).setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName("CONTROLLER").setMetadataLogDirectory(logDir.toString())
          .setDirectories(List.of(logDir.toString())).setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      deleteRecursively(logDir);
      throw new IllegalStateException("cannot format the embedded Kafka broker's log directory " + logDir, e);
    }
    KafkaRaftServer server;
    try {
      server = startServer(config, brokerPort);
    } catch (IllegalStateException e) {
      deleteRecursively(logDir);
      throw e;
    }
    return new EmbeddedKafka(logDir, brokerPort, config, server);
  }

  private static KafkaRaftServer startServer(KafkaConfig config, int brokerPort) {
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      server.shutdown();
      throw new IllegalStateException("the embedded Kafka broker did not start on " + HOST + ":" + brokerPort, e);
    }
    return server;
  }

  /**
   * Stops the broker, as a crash of its host looks to clients: they get no answer until
   * {@link #restartBroker()}. Its log directory and ports are kept.
   *
   * @throws IllegalStateException if the broker is stopped already
   */
  public synchronized void stopBroker() {
    if (server == null) {
      throw new IllegalStateException(this + " is stopped already; call restartBroker() to bring it back");
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  /**
   * Starts the stopped broker again, on the same ports and log directory: it has every record written before
   * {@link #stopBroker()}, and clients reach it again at {@link #bootstrapServers()}.
   *
   * @throws IllegalStateException if the broker runs, or does not start
   */
  public synchronized void restartBroker() {
    if (server != null) {
      throw new IllegalStateException(this + " runs; call stopBroker() first");
    }
    server = startServer(config, brokerPort);
  }

  private static Map<String, Object> brokerProperties(Path logDir, int brokerPort, int controllerPort) {
    Map<String, Object> props = new HashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
    props.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    // One node: every internal topic has one replica, and a test's group or transaction starts at once.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "1");
    props.put("auto.create.topics.enable", "false");
    props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "2");
    props.put("background.threads", "2");
    // The cleaner compacts compacted topics soon after a segment rolls, with a small buffer (the default is 128 MiB).
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 << 20));
    props.put("log.cleaner.backoff.ms", "200");
    return props;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + HOST + " for the embedded Kafka broker", e);
    }
  }

  /**
   * Returns the address clients connect to: {@code bootstrap.servers}.
   *
   * @return {@code 127.0.0.1:port}
   */
  public String bootstrapServers() {
    return HOST + ":" + brokerPort;
  }

  /**
   * Creates a topic with one replica and waits until it exists.
   *
   * @param topic the topic's name
   * @param partitions its number of partitions
   * @throws IllegalStateException if the broker refuses it (it exists already, a bad name)
   */
  public void createTopic(String topic, int partitions) {
    createTopic(topic, partitions, Map.of());
  }

  /**
   * Creates a topic with one replica and settings of its own, and waits until it exists. For a compacted topic
   * that the cleaner compacts within a second: {@code cleanup.policy=compact}, {@code segment.ms=100},
   * {@code min.cleanable.dirty.ratio=0}; records are compacted once a later write rolled their segment.
   *
   * @param topic the topic's name
   * @param partitions its number of partitions
   * @param configs topic settings, such as {@code cleanup.policy}
   * @throws IllegalStateException if the broker refuses it (it exists already, a bad name or setting)
   */
  public void createTopic(String topic, int partitions, Map<String, String> configs) {
    await(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all(),
        "create topic " + topic);
  }

  /**
   * Raises a topic's number of partitions.
   *
   * @param topic the topic
   * @param partitions the new total number of partitions
   * @throws IllegalStateException if the broker refuses it (fewer partitions than now, no such topic)
   */
  public void addPartitions(String topic, int partitions) {
    await(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all(),
        "raise the partitions of " + topic + " to " + partitions);
  }

  /**
   * Writes string values to one partition of a topic, in order, without keys, and waits until all are written.
   *
   * @param topic the topic
   * @param partition the partition
   * @param values the values
   * @throws IllegalStateException if a write fails
   */
  public void produce(String topic, int partition, List<String> values) {
    List<ProducerRecord<String, String>> records = new ArrayList<>(values.size());
    values.forEach(value -> records.add(new ProducerRecord<>(topic, partition, null, value)));
    send(records);
  }

  /**
   * Writes records (with keys and partitions as given) and waits until all are written.
   *
   * @param records the records
   * @throws IllegalStateException if a write fails
   */
  public void send(List<ProducerRecord<String, String>> records) {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(),
        new StringSerializer(), new StringSerializer())) {
      List<Future<?>> sent = new ArrayList<>(records.size());
      records.forEach(record -> sent.add(producer.send(record)));
      producer.flush();
      for (Future<?> future : sent) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to the embedded Kafka broker", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a write to the embedded Kafka broker failed", e.getCause());
    }
  }

  /**
   * Returns the configuration of a producer of this broker: bootstrap servers, acks=all, idempotence, and one
   * request in flight per connection. With more, a request that times out on a loaded machine and is retried
   * after a later one was written gets an {@code OutOfOrderSequenceException} at every retry until its delivery
   * times out (KAFKA-14359), and the records are lost to the test.
   *
   * @return the settings, modifiable
   */
  public Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return config;
  }

  /**
   * Returns the configuration of a consumer of this broker with string keys and values, reading from the
   * earliest offset and committing nothing by itself.
   *
   * @param groupId the consumer group, or null for none
   * @return the settings, modifiable
   */
  public Map<String, Object> consumerConfig(String groupId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    if (groupId != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    return config;
  }

  /**
   * Reads a topic from its beginning, every partition, until {@code count} records were read.
   *
   * @param topic the topic
   * @param count how many records to wait for
   * @param timeout how long to wait for them
   * @return the records, in the order they were read (by partition, in offset order within each)
   * @throws IllegalStateException if fewer records came within the timeout
   */
  public List<ConsumerRecord<String, String>> consume(String topic, int count, Duration timeout) {
    List<ConsumerRecord<String, String>> read = new ArrayList<>(count);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(null))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (read.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(read::add);
      }
    }
    if (read.size() < count) {
      throw new IllegalStateException("read " + read.size() + " records of topic " + topic + " within " + timeout
          + ", not the " + count + " expected");
    }
    return read;
  }

  /**
   * Reads every record of a topic that a consumer with {@code isolation.level=read_committed} sees: the records
   * of committed transactions and those written without one. It first waits until every transaction on the
   * topic is decided (each partition's last stable offset has reached its end: a committed transaction's
   * markers are written shortly after the commit returns, and an open one blocks until it ends or times out),
   * then reads up to the ends. This is what an exactly-once pipeline's output must be checked with: records of
   * aborted transactions are left out.
   *
   * @param topic the topic
   * @param timeout how long waiting and reading may take
   * @return the records, by partition, in offset order within each
   * @throws IllegalStateException if a transaction stayed undecided, or the records were not read, within the
   *     timeout
   */
  public List<ConsumerRecord<String, String>> readCommitted(String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> config = consumerConfig(null);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        KafkaConsumer<String, String> uncommitted = new KafkaConsumer<>(consumerConfig(null))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      // Under read_committed, the end offsets are the last stable offsets.
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      while (!ends.equals(uncommitted.endOffsets(partitions, timeout))) {
        checkDeadline(deadline, "the transactions on topic " + topic + " were not decided", timeout);
        Thread.onSpinWait();
        ends = consumer.endOffsets(partitions, timeout);
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (true) {
        boolean done = true;
        for (TopicPartition partition : partitions) {
          done &= consumer.position(partition, timeout) >= ends.get(partition);
        }
        if (done) {
          return read;
        }
        checkDeadline(deadline, "the committed records of topic " + topic + " up to " + ends
            + " were not read (" + read.size() + " were)", timeout);
        consumer.poll(Duration.ofMillis(100)).forEach(read::add);
      }
    }
  }

  private static void checkDeadline(long deadline, String failure, Duration timeout) {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException(failure + " within " + timeout);
    }
  }

  /**
   * Returns an admin client of this broker, for what the helpers above do not cover; closed with the broker.
   *
   * @return the admin client
   */
  public Admin admin() {
    return admin;
  }

  /** Stops the broker (unless it is stopped) and deletes its log directory. */
  @Override
  public synchronized void close() {
    admin.close(Duration.ofSeconds(5));
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
    deleteRecursively(logDir);
  }

  private static void await(KafkaFuture<Void> future, String what) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to " + what, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the embedded Kafka broker could not " + what + ": " + e.getCause(), e.getCause());
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind harms no later test: each broker formats a new one.
    }
  }

  @Override
  public String toString() {
    return "EmbeddedKafka[" + bootstrapServers() + ", " + logDir + "]";
  }
}

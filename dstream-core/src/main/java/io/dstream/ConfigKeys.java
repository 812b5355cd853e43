package io.dstream;

import io.dstream.checkpoint.internal.store.CheckpointStore;
import io.dstream.receiver.internal.PIDRateEstimator;
import io.dstream.receiver.internal.ReceiverSettings;
import io.dstream.receiver.internal.socket.SocketTextReceiver;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every configuration key of dstream, with its default and its meaning: the one place they are defined.
 *
 * <p>Keys are {@code dstream.*} where Spark's are {@code spark.streaming.*} (or {@code spark.*} for the
 * engine keys). Set them with {@link StreamingConf#set(String, String)}; durations take a unit suffix
 * ({@code 200ms}, {@code 2s}, {@code 1min}).
 *
 * <p>Where a lower module works with a default of its own (the receivers' block interval, restart delay,
 * buffer and line bounds and rate estimator; the checkpoint store's retention), the key's default is that
 * module's constant, so that the two cannot differ.
 */
public final class ConfigKeys {
  private static final Pattern LOCAL_N = Pattern.compile("local\\[(\\d+|\\*)]");

  private ConfigKeys() {}

  /** Writes a default duration as the docs show it: whole seconds as {@code 2s}, others as {@code 200ms}. */
  private static String millis(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /** The master: {@code local}, {@code local[N]} or {@code local[*]}; sets the number of worker threads. */
  public static final ConfigKey<String> MASTER = new ConfigKey<>("dstream.master", "local[*]", ConfigKeys::master,
      "How many worker threads run tasks: local (1), local[N] (N) or local[*] (one per core).");

  /** The application's name, used in thread names and log lines. */
  public static final ConfigKey<String> APP_NAME = new ConfigKey<>("dstream.app.name", "dstream", s -> s,
      "The application's name, used in thread names and log lines, and in the transactional ids of an "
          + "exactly-once Kafka sink (which requires it to be set).");

  /**
   * The identity that the instances of one scale-out application share; setting it makes the context one
   * instance of several.
   */
  public static final ConfigKey<String> APPLICATION_ID = new ConfigKey<>("dstream.application.id", null,
      ConfigKeys::applicationId,
      "Makes this context one instance of a scale-out application: every copy of the program started with the "
          + "same id joins one Kafka consumer group (named by the id) and gets a share of the input partitions. "
          + "Offsets are committed to the group and state goes to changelog topics, each batch in one Kafka "
          + "transaction; no checkpoint directory is used. Letters, digits, '.', '_' and '-'. See scaling.md.");

  /** How many output-operation jobs may run at the same time. */
  public static final ConfigKey<Integer> CONCURRENT_JOBS = new ConfigKey<>("dstream.concurrentJobs", "1",
      ConfigKeys::positiveInt,
      "How many jobs (output operations) run at the same time. With 1, output operations run one at a "
          + "time, in the order they were defined, and batches run in order.");

  /** The default number of partitions of a shuffle and of {@code parallelize}. */
  public static final ConfigKey<Integer> DEFAULT_PARALLELISM = new ConfigKey<>("dstream.default.parallelism",
      null, ConfigKeys::positiveInt,
      "The number of partitions of a shuffle when none is given (default: the largest number of partitions "
          + "among its parents) and of parallelize (default: the number of worker threads).");

  /** How many times a task may fail before its job fails. */
  public static final ConfigKey<Integer> TASK_MAX_FAILURES = new ConfigKey<>("dstream.task.maxFailures", "4",
      ConfigKeys::positiveInt,
      "How many times one task may fail before its job fails with the task's last exception as the cause.");

  /**
   * How long {@code stop()} waits in all, from its call: for the receivers to stop and for the jobs still
   * running, in a graceful stop (every batch whose time had come) as in a non-graceful one (the running jobs,
   * after interrupting them), before it gives up, interrupts them and logs what it left unprocessed.
   */
  public static final ConfigKey<Duration> STOP_TIMEOUT = new ConfigKey<>("dstream.stopTimeout", "10s",
      ConfigKeys::duration,
      "How long stop() waits in all, counted from its call, for the receivers to stop and for running jobs "
          + "(graceful stop: for all generated batches) before it gives up: it drops the jobs not started, "
          + "interrupts those running, and logs one WARN that counts the batches, input records and received "
          + "blocks it left unprocessed. Receivers whose last store still waits for room then have 200 ms more "
          + "to give it up and stop; a receiver whose onStop() hangs is left behind with a WARN. The last "
          + "metadata checkpoint, the worker threads and the listener events still queued are waited for until "
          + "the same deadline.");

  /** How many listener events may wait for delivery before new ones are dropped. */
  public static final ConfigKey<Integer> LISTENER_BUS_CAPACITY = new ConfigKey<>("dstream.listenerBus.capacity",
      "10000", ConfigKeys::positiveInt,
      "How many listener events may wait for delivery to the StreamingListeners. When a slow listener lets "
          + "the queue fill up, further events are dropped (and counted) rather than slowing down the batches; "
          + "the first drop is logged once at WARN, and the stop logs at INFO how many were dropped in all.");

  /** How many checkpoints of each kind are kept in the checkpoint directory. */
  public static final ConfigKey<Integer> CHECKPOINT_RETAINED = new ConfigKey<>("dstream.checkpoint.retained",
      String.valueOf(CheckpointStore.DEFAULT_RETAINED), ConfigKeys::positiveInt,
      "How many checkpoints of each kind (metadata, each stream's state) are kept in the checkpoint "
          + "directory; a torn or corrupt newest one is skipped for the previous good one.");

  /**
   * Whether {@code StreamingContext.getOrCreate} starts afresh when the checkpoint directory holds a
   * checkpoint it cannot restore, instead of failing.
   */
  public static final ConfigKey<Boolean> CHECKPOINT_CREATE_ON_ERROR = new ConfigKey<>(
      "dstream.checkpoint.createOnError", "false", ConfigKeys::bool,
      "What StreamingContext.getOrCreate does with a checkpoint it cannot restore (none intact, written by "
          + "another version, or for another graph or batch duration): false fails with an "
          + "IllegalStateException that says why; true logs why and starts afresh (the checkpoint's progress and "
          + "state are then lost).");

  /** How long after its modification a file is still taken by a file stream. */
  public static final ConfigKey<Duration> FILE_STREAM_MIN_REMEMBER_DURATION = new ConfigKey<>(
      "dstream.fileStream.minRememberDuration", "60s", ConfigKeys::positiveDuration,
      "How long after its modification time a file that appears in a file stream's directory is still taken "
          + "(rounded up to a multiple of the batch duration); older files are ignored.");

  /**
   * The most bytes of a text file that one partition of a file stream's batch reads. 32 MiB: a task in this
   * JVM costs microseconds, so smaller parts than Hadoop's 128 MiB blocks cost nothing and let a file of a
   * few tens of MiB already be read by several workers; and a persisted or windowed batch keeps a partition's
   * lines as one unit of memory, which this bounds to a few times 32 MiB.
   */
  public static final ConfigKey<Long> FILE_STREAM_MAX_PARTITION_BYTES = new ConfigKey<>(
      "dstream.fileStream.maxPartitionBytes", "33554432", ConfigKeys::positiveLong,
      "The most bytes of one file that one partition of a file stream's batch reads (32 MiB by default): a "
          + "larger file is cut into parts of about equal size at line boundaries, read in parallel; each "
          + "line is read once, by the part in which it starts.");

  /** How often a receiver's single records are cut into a block. */
  public static final ConfigKey<Duration> BLOCK_INTERVAL = new ConfigKey<>("dstream.blockInterval",
      millis(ReceiverSettings.DEFAULT_BLOCK_INTERVAL_MS),
      ConfigKeys::positiveDuration,
      "How often the records a receiver stores one at a time are cut into a block. The blocks of a batch are "
          + "its partitions, so a receiver stream's batch has about batch interval / block interval of them.");

  /** The most records per second each receiver may store. */
  public static final ConfigKey<Long> RECEIVER_MAX_RATE = new ConfigKey<>("dstream.receiver.maxRate",
      String.valueOf(ReceiverSettings.UNLIMITED_RATE),
      ConfigKeys::notNegativeLong,
      "The most records per second each receiver may store; 0 means no limit. Backpressure never sets a "
          + "rate above it.");

  /** How long a receiver waits before it starts again after a restart. */
  public static final ConfigKey<Duration> RECEIVER_RESTART_DELAY = new ConfigKey<>("dstream.receiver.restartDelay",
      millis(ReceiverSettings.DEFAULT_RESTART_DELAY_MS), ConfigKeys::duration,
      "How long a receiver waits before it starts again after restart(...), a failed onStart() or a refused "
          + "or dropped connection.");

  /** The longest line a text socket stream keeps, in bytes. */
  public static final ConfigKey<Integer> RECEIVER_MAX_LINE_LENGTH = new ConfigKey<>(
      "dstream.receiver.maxLineLength", String.valueOf(SocketTextReceiver.DEFAULT_MAX_LINE_BYTES),
      ConfigKeys::positiveInt,
      "The longest line socketTextStream keeps, in bytes of UTF-8 (1 MiB by default); a longer line is cut to "
          + "this length with a warning rather than buffered without bound.");

  /** The most single records a receiver buffers for its next block. */
  public static final ConfigKey<Integer> RECEIVER_MAX_BUFFERED_RECORDS = new ConfigKey<>(
      "dstream.receiver.maxBufferedRecords", String.valueOf(ReceiverSettings.DEFAULT_MAX_BUFFERED_RECORDS),
      ConfigKeys::positiveInt,
      "The most records stored one at a time (store(record)) that a receiver buffers for its next block, "
          + "per thread that stores them; "
          + "the store(record) that fills the buffer cuts the block at once, without waiting for the block "
          + "interval, and stores it before returning, so that a slow store slows the receiver down instead "
          + "of filling the heap.");

  /** Whether received blocks are written to a write-ahead log. */
  public static final ConfigKey<Boolean> RECEIVER_WAL_ENABLE = new ConfigKey<>(
      "dstream.receiver.writeAheadLog.enable", "false", ConfigKeys::bool,
      "Whether every received block is also written to a write-ahead log in the checkpoint directory before "
          + "store(...) returns, and every allocation of blocks to a batch is logged, so that received data "
          + "survives a crash (recover with StreamingContext.getOrCreate). Needs ssc.checkpoint(dir).");

  /** How much record time one segment file of a receiver's write-ahead log covers. */
  public static final ConfigKey<Duration> RECEIVER_WAL_ROLLING_INTERVAL = new ConfigKey<>(
      "dstream.receiver.writeAheadLog.rollingInterval", "60s", ConfigKeys::positiveDuration,
      "How much time one segment file of a receiver's write-ahead log covers; processed data is deleted in "
          + "whole segments.");

  /** Whether recovery goes on when a write-ahead log no longer holds blocks that batches to run again took. */
  public static final ConfigKey<Boolean> RECEIVER_WAL_SKIP_MISSING_BLOCKS = new ConfigKey<>(
      "dstream.receiver.writeAheadLog.skipMissingBlocks", "false", ConfigKeys::bool,
      "Whether recovery goes on when a receiver's write-ahead log no longer holds blocks that the batches to "
          + "run again took (a segment was deleted or cut short), logging one ERROR that counts them; by "
          + "default start() fails, naming the missing blocks.");

  /** Whether the receivers' rates follow what the pipeline can process. */
  public static final ConfigKey<Boolean> BACKPRESSURE_ENABLED = new ConfigKey<>("dstream.backpressure.enabled",
      "false", ConfigKeys::bool,
      "Whether each receiver's rate, and each Kafka direct stream's, follows what the pipeline processes: "
          + "after every batch a PID controller estimates it from the batch's processing and scheduling delays, "
          + "between dstream.backpressure.pid.minRate and dstream.receiver.maxRate (for a Kafka direct stream: "
          + "shared among its partitions by their lag, between dstream.kafka.minRatePerPartition and "
          + "dstream.kafka.maxRatePerPartition).");

  /** The receivers' rate under backpressure until the first estimate. */
  public static final ConfigKey<Long> BACKPRESSURE_INITIAL_RATE = new ConfigKey<>(
      "dstream.backpressure.initialRate", null, ConfigKeys::positiveLong,
      "With backpressure, each receiver's rate in records per second until the first estimate (default: "
          + "dstream.receiver.maxRate, or no limit), and each Kafka direct stream's (default: "
          + "dstream.kafka.maxRatePerPartition, or no limit).");

  /** The weight of the current error in the backpressure rate estimate. */
  public static final ConfigKey<Double> PID_PROPORTIONAL = new ConfigKey<>("dstream.backpressure.pid.proportional",
      String.valueOf(PIDRateEstimator.DEFAULT_PROPORTIONAL), ConfigKeys::notNegativeDouble,
      "Backpressure's weight of the current error: the last rate minus the rate the last batch was processed at.");

  /** The weight of the accumulated error in the backpressure rate estimate. */
  public static final ConfigKey<Double> PID_INTEGRAL = new ConfigKey<>("dstream.backpressure.pid.integral",
      String.valueOf(PIDRateEstimator.DEFAULT_INTEGRAL), ConfigKeys::notNegativeDouble,
      "Backpressure's weight of the accumulated error: the records that the scheduling delay stands for.");

  /** The weight of the error's change in the backpressure rate estimate. */
  public static final ConfigKey<Double> PID_DERIVED = new ConfigKey<>("dstream.backpressure.pid.derived",
      String.valueOf(PIDRateEstimator.DEFAULT_DERIVATIVE), ConfigKeys::notNegativeDouble,
      "Backpressure's weight of the error's change since the previous batch.");

  /** The lowest rate backpressure sets. */
  public static final ConfigKey<Double> PID_MIN_RATE = new ConfigKey<>("dstream.backpressure.pid.minRate",
      String.valueOf(PIDRateEstimator.DEFAULT_MIN_RATE), ConfigKeys::positiveDouble,
      "The lowest rate, in records per second, that backpressure sets.");

  /** The share of the heap that received blocks and cached partitions may take in memory. */
  public static final ConfigKey<Double> STORAGE_MEMORY_FRACTION = new ConfigKey<>("dstream.storage.memoryFraction",
      "0.2", ConfigKeys::fraction,
      "The share of the JVM's maximum heap that received blocks and cached partitions of persisted RDDs may "
          + "take in memory, split evenly between the two replicas; beyond it blocks are evicted, cached "
          + "partitions first (they can be computed again), least recently used first, and spill to disk "
          + "(levels with disk) or are dropped (cached partitions only: a received block at a memory-only "
          + "level is never evicted, its receiver's store(...) waits for room instead).");

  /**
   * The most bytes that received blocks may take in the block store before a receiver's {@code store(...)}
   * waits: the flow control of receivers faster than processing.
   */
  public static final ConfigKey<Long> STORAGE_MAX_RECEIVED_BYTES = new ConfigKey<>(
      "dstream.storage.maxReceivedBytes", null, ConfigKeys::positiveBytes,
      "The most bytes that received blocks may take in the block store, memory and disk together, counting "
          + "each replica's copy (default: twice the memory of dstream.storage.memoryFraction, at least 64m). "
          + "A received block is kept until no batch, window or state needs it; while they take the bound, "
          + "store(...) waits, which slows a receiver that is faster than processing down to it instead of "
          + "filling the disk. A size in bytes, or with a unit: k, m, g (1024-based), such as 512m.");

  /** Whether the serializer refuses classes that are not registered with Kryo. */
  public static final ConfigKey<Boolean> SERIALIZER_REGISTRATION_REQUIRED = new ConfigKey<>(
      "dstream.serializer.registrationRequired", "false", ConfigKeys::bool,
      "Whether the Kryo serializer (checkpoints, the write-ahead log, serialized storage levels, "
          + "saveAsObjectFiles) refuses every class that is not registered: true catches classes never meant "
          + "to be stored; register yours with dstream.kryo.registrator. dstream's own records are registered.");

  /** The user's Kryo registrator. */
  public static final ConfigKey<String> KRYO_REGISTRATOR = new ConfigKey<>("dstream.kryo.registrator", null,
      s -> s.trim(),
      "The fully qualified name of a class implementing io.dstream.checkpoint.serializer.KryoRegistrator, with "
          + "a public no-argument constructor, that registers the application's classes with Kryo (default: "
          + "none).");

  /** Classes that Kryo registers, as {@link StreamingConf#registerKryoClasses} sets them. */
  public static final ConfigKey<List<String>> KRYO_CLASSES_TO_REGISTER = new ConfigKey<>(
      "dstream.kryo.classesToRegister", null, ConfigKeys::classNames,
      "Comma-separated fully qualified names of classes that the Kryo serializer registers, after dstream's own "
          + "and before those of dstream.kryo.registrator (StreamingConf.registerKryoClasses adds to it). A class "
          + "that cannot be loaded fails the context's creation with an IllegalArgumentException. The order fixes "
          + "the classes' ids in checkpoints: keep it when a checkpoint is to be restored. Your classes (these and "
          + "the registrator's) take the ids from 1000 on and dstream's own stay below, so a dstream upgrade that "
          + "registers more classes of its own does not move them.");

  /** The most records per second that a Kafka direct stream takes from each partition. */
  public static final ConfigKey<Long> KAFKA_MAX_RATE_PER_PARTITION = new ConfigKey<>(
      "dstream.kafka.maxRatePerPartition", "0", ConfigKeys::notNegativeLong,
      "The most records per second that a Kafka direct stream takes from each partition: a batch's range of a "
          + "partition holds at most this rate times the batch duration in seconds (at least 1); 0 means no "
          + "limit, so a batch takes everything up to the partition's latest offset.");

  /** The fewest records per second that backpressure leaves to each partition of a Kafka direct stream. */
  public static final ConfigKey<Long> KAFKA_MIN_RATE_PER_PARTITION = new ConfigKey<>(
      "dstream.kafka.minRatePerPartition", "1", ConfigKeys::positiveLong,
      "The fewest records per second that a Kafka direct stream takes from each partition that has records "
          + "waiting, whatever backpressure estimates: a batch's range of such a partition holds at least this "
          + "rate times the batch duration in seconds (at least 1), so that no partition stalls. At most "
          + "dstream.kafka.maxRatePerPartition when that is set (a larger value is refused).");

  /** The fewest offsets that one task of a Kafka batch reads when a large range is split. */
  public static final ConfigKey<Long> KAFKA_MIN_RECORDS_PER_TASK = new ConfigKey<>(
      "dstream.kafka.minRecordsPerTask", "10000", ConfigKeys::positiveLong,
      "When a Kafka batch's offset range of one partition is larger than an even share of the batch over the "
          + "worker threads (dstream.default.parallelism), it is read by several tasks of about equal size, each "
          + "at least this many offsets, so that several worker threads share a hot partition; the batch still "
          + "reports one offset range per partition. Set it above any batch's size to read each range in one "
          + "task.");

  /** The number of partitions of the repartition topics a scale-out application creates. */
  public static final ConfigKey<Integer> KAFKA_REPARTITION_PARTITIONS = new ConfigKey<>(
      "dstream.kafka.repartitionPartitions", "6", ConfigKeys::positiveInt,
      "The number of partitions of a repartition topic that KafkaUtils.through creates when it does not exist "
          + "(an existing topic keeps its own): the most instances of a scale-out application that share the "
          + "keyed stage after it. The changelog topic of each state after it gets as many.");

  /** How long a scale-out instance's batch may keep its Kafka transaction open. */
  public static final ConfigKey<Duration> KAFKA_TRANSACTION_TIMEOUT = new ConfigKey<>(
      "dstream.kafka.transactionTimeout", "30s", ConfigKeys::positiveDuration,
      "How long a batch of a scale-out application may keep its Kafka transaction open, from its first write to "
          + "its commit (the producer's transaction.timeout.ms): a longer batch is aborted by the broker and "
          + "stops the instance. It also bounds how long the new owner of a crashed instance's partitions waits "
          + "for the crashed batch's transaction to be aborted. Bound the batches' size with "
          + "dstream.kafka.maxRatePerPartition so that they fit in it, also after a downtime.");

  /** How long a Kafka task waits for the next record of its range. */
  public static final ConfigKey<Duration> KAFKA_POLL_TIMEOUT = new ConfigKey<>("dstream.kafka.pollTimeout", "2min",
      ConfigKeys::positiveDuration,
      "How long a task of a Kafka direct stream waits for the next record of its offset range before it fails "
          + "(and is retried): the records of a range existed when the batch was generated, so a long wait "
          + "means the broker is unreachable. Also how long each request for partitions and offsets that "
          + "generates a batch waits (at most half of dstream.stopTimeout) before it is tried again.");

  /** Whether the context serves its status page and JSON API (dstream-ui). */
  public static final ConfigKey<Boolean> UI_ENABLED = new ConfigKey<>("dstream.ui.enabled", "false",
      ConfigKeys::bool,
      "Whether the context serves its status page and its JSON API over HTTP while it runs, from when it starts "
          + "until it stops. Needs the dstream-ui module on the class path (start() fails with an "
          + "IllegalStateException naming it otherwise). Off by default: no port is opened unless this is true.");

  /** The port of the status page. */
  public static final ConfigKey<Integer> UI_PORT = new ConfigKey<>("dstream.ui.port", "4040", ConfigKeys::port,
      "The TCP port of the status page, as Spark's 4040. When it is taken, the next ports are tried, up to 16 "
          + "in all, as Spark does; 0 takes any free port. The address it chose is logged at INFO and returned "
          + "by StreamingContext.uiWebUrl().");

  /** The address the status page listens on. */
  public static final ConfigKey<String> UI_HOST = new ConfigKey<>("dstream.ui.host", "127.0.0.1",
      ConfigKeys::host,
      "The address the status page listens on. The loopback address by default, so that only this machine sees "
          + "it; set 0.0.0.0 to serve every interface (the page has no authentication).");

  /** How many completed batches the status page remembers. */
  public static final ConfigKey<Integer> UI_RETAINED_BATCHES = new ConfigKey<>("dstream.ui.retainedBatches",
      "1000", ConfigKeys::positiveInt,
      "How many of the latest completed batches the status page and its JSON API remember (with their output "
          + "operations); older ones are forgotten, so its memory stays bounded.");

  /** The most memory that a context's SQL engine (dstream-sql) may take. */
  public static final ConfigKey<Long> SQL_MEMORY_LIMIT = new ConfigKey<>("dstream.sql.memoryLimit", "1g",
      ConfigKeys::positiveBytes,
      "The most memory, outside the Java heap, that the SQL engine of dstream-sql (DuckDB, in-process) may take "
          + "for the tables of the DataFrames it holds and for running queries. Past it, the engine writes what "
          + "it can to dstream.sql.tempDirectory, and a query that still does not fit fails with the engine's "
          + "out-of-memory message. A size in bytes, or with a unit: k, m, g (1024-based), such as 512m.");

  /** How many threads the SQL engine runs a query on. */
  public static final ConfigKey<Integer> SQL_THREADS = new ConfigKey<>("dstream.sql.threads", null,
      ConfigKeys::positiveInt,
      "How many threads the SQL engine of dstream-sql runs one query on (default: the worker threads of "
          + "dstream.master). They are the engine's own, beside the context's worker pool.");

  /** Where the SQL engine spills what does not fit in its memory. */
  public static final ConfigKey<String> SQL_TEMP_DIRECTORY = new ConfigKey<>("dstream.sql.tempDirectory", null,
      s -> s,
      "The directory where the SQL engine of dstream-sql writes the tables and intermediate results that do not "
          + "fit in dstream.sql.memoryLimit (default: a directory of its own under java.io.tmpdir, deleted when "
          + "the session closes).");

  /** The time zone that the SQL engine's results are shown in. */
  public static final ConfigKey<ZoneId> SQL_SESSION_TIME_ZONE = new ConfigKey<>("dstream.sql.session.timeZone",
      null, ConfigKeys::zone,
      "The time zone that DataFrame.show() of dstream-sql prints timestamps in, as Spark's "
          + "spark.sql.session.timeZone (default: the JVM's zone when the session is made). A zone ID, such as "
          + "Europe/Paris, UTC or +02:00. The values themselves are instants, whatever the zone.");

  private static final List<ConfigKey<?>> ALL = List.of(MASTER, APP_NAME, APPLICATION_ID, CONCURRENT_JOBS, DEFAULT_PARALLELISM,
      TASK_MAX_FAILURES, STOP_TIMEOUT, LISTENER_BUS_CAPACITY, CHECKPOINT_RETAINED, CHECKPOINT_CREATE_ON_ERROR,
      FILE_STREAM_MIN_REMEMBER_DURATION, FILE_STREAM_MAX_PARTITION_BYTES, BLOCK_INTERVAL, RECEIVER_MAX_RATE,
      RECEIVER_RESTART_DELAY, RECEIVER_MAX_LINE_LENGTH, RECEIVER_MAX_BUFFERED_RECORDS,
      RECEIVER_WAL_ENABLE, RECEIVER_WAL_ROLLING_INTERVAL, RECEIVER_WAL_SKIP_MISSING_BLOCKS,
      BACKPRESSURE_ENABLED, BACKPRESSURE_INITIAL_RATE, PID_PROPORTIONAL, PID_INTEGRAL, PID_DERIVED, PID_MIN_RATE,
      STORAGE_MEMORY_FRACTION, STORAGE_MAX_RECEIVED_BYTES, SERIALIZER_REGISTRATION_REQUIRED, KRYO_REGISTRATOR,
      KRYO_CLASSES_TO_REGISTER,
      KAFKA_MAX_RATE_PER_PARTITION, KAFKA_MIN_RATE_PER_PARTITION, KAFKA_MIN_RECORDS_PER_TASK, KAFKA_REPARTITION_PARTITIONS,
      KAFKA_TRANSACTION_TIMEOUT, KAFKA_POLL_TIMEOUT, UI_ENABLED, UI_PORT, UI_HOST, UI_RETAINED_BATCHES,
      SQL_MEMORY_LIMIT, SQL_THREADS, SQL_TEMP_DIRECTORY, SQL_SESSION_TIME_ZONE);

  /**
   * Returns every key, in the order they are documented.
   *
   * @return all keys
   */
  public static List<ConfigKey<?>> all() {
    return ALL;
  }

  /**
   * Returns the key with the given name.
   *
   * @param name a key name such as {@code dstream.concurrentJobs}
   * @return the key, or null if dstream defines no such key
   */
  public static ConfigKey<?> byName(String name) {
    for (ConfigKey<?> key : ALL) {
      if (key.name().equals(name)) {
        return key;
      }
    }
    return null;
  }

  private static String applicationId(String id) {
    // It names a consumer group, transactional ids and topics: Kafka's legal characters for topic names.
    if (!id.matches("[A-Za-z0-9._-]{1,200}")) {
      throw new IllegalArgumentException("'" + id + "' is not an application id: use 1 to 200 letters, digits, "
          + "'.', '_' or '-'");
    }
    return id;
  }

  private static List<String> classNames(String text) {
    List<String> names = new ArrayList<>();
    for (String name : text.split(",")) {
      String trimmed = name.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!trimmed.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
        throw new IllegalArgumentException("'" + trimmed + "' is not a class name; give fully qualified names "
            + "separated by commas, such as com.example.Order,com.example.Customer (nested: Outer$Inner)");
      }
      names.add(trimmed);
    }
    return List.copyOf(names);
  }

  private static String master(String master) {
    workerThreads(master);
    return master;
  }

  /**
   * Returns how many worker threads a master string asks for.
   *
   * @param master {@code local}, {@code local[N]} or {@code local[*]}
   * @return at least 1
   * @throws IllegalArgumentException if the string is none of those forms, or asks for no threads
   */
  static int workerThreads(String master) {
    if ("local".equals(master)) {
      return 1;
    }
    Matcher m = master == null ? null : LOCAL_N.matcher(master);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("unsupported master '" + master
          + "'; use local, local[N] or local[*] (dstream runs in this JVM)");
    }
    if (m.group(1).equals("*")) {
      return Runtime.getRuntime().availableProcessors();
    }
    int n;
    try {
      n = Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("master '" + master + "' asks for more worker threads than a JVM can "
          + "have; use local[*] for one per core");
    }
    if (n < 1) {
      throw new IllegalArgumentException("master '" + master + "' asks for no worker threads; use local[1] or more");
    }
    return n;
  }

  private static Boolean bool(String s) {
    String value = s.trim();
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException("must be true or false");
  }

  private static Duration positiveDuration(String s) {
    Duration value = duration(s);
    if (value.milliseconds() <= 0) {
      throw new IllegalArgumentException("must be a positive duration");
    }
    return value;
  }

  private static Integer positiveInt(String s) {
    int value = Integer.parseInt(s);
    if (value <= 0) {
      throw new IllegalArgumentException("must be a positive integer");
    }
    return value;
  }

  private static Integer port(String s) {
    int value = Integer.parseInt(s.trim());
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException("must be a TCP port from 0 (any free port) to 65535");
    }
    return value;
  }

  private static ZoneId zone(String s) {
    try {
      return ZoneId.of(s.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("must be a time zone ID, such as Europe/Paris, UTC or +02:00 ("
          + e.getMessage() + ")", e);
    }
  }

  private static String host(String s) {
    String value = s.trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("must be a host name or an IP address, such as 127.0.0.1");
    }
    return value;
  }

  private static Long positiveLong(String s) {
    long value = Long.parseLong(s);
    if (value <= 0) {
      throw new IllegalArgumentException("must be a positive integer");
    }
    return value;
  }

  private static Long notNegativeLong(String s) {
    long value = Long.parseLong(s);
    if (value < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    return value;
  }

  private static Double notNegativeDouble(String s) {
    double value = Double.parseDouble(s);
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("must be a number of at least 0");
    }
    return value;
  }

  private static Double positiveDouble(String s) {
    double value = Double.parseDouble(s);
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("must be a positive number");
    }
    return value;
  }

  private static Double fraction(String s) {
    double value = Double.parseDouble(s);
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException("must be a fraction from 0 (inclusive) to 1 (exclusive)");
    }
    return value;
  }

  /** A positive size in bytes: a number, optionally followed by k, m or g (1024-based) and an optional b. */
  private static Long positiveBytes(String s) {
    String value = s.trim().toLowerCase(Locale.ROOT);
    if (value.endsWith("b")) {
      value = value.substring(0, value.length() - 1);
    }
    int shift = switch (value.isEmpty() ? ' ' : value.charAt(value.length() - 1)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      default -> 0;
    };
    String digits = shift == 0 ? value : value.substring(0, value.length() - 1);
    long amount;
    try {
      amount = Long.parseLong(digits.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a size in bytes such as 1048576, 512m or 2g");
    }
    if (amount <= 0 || amount > Long.MAX_VALUE >> shift) {
      throw new IllegalArgumentException("must be a positive size of at most " + (Long.MAX_VALUE >> 30) + "g");
    }
    return amount << shift;
  }

  /**
   * Parses a duration with a unit: {@code ms}, {@code s}, {@code min} or {@code h}; a bare number is
   * milliseconds.
   *
   * @param text such as {@code 200ms} or {@code 2s}
   * @return the duration
   * @throws IllegalArgumentException if the text is not a number with one of those units
   */
  public static Duration duration(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    int unitStart = 0;
    while (unitStart < s.length() && Character.isDigit(s.charAt(unitStart))) {
      unitStart++;
    }
    if (unitStart == 0) {
      throw new IllegalArgumentException("'" + text + "' is not a duration such as 200ms, 2s or 1min");
    }
    String unit = s.substring(unitStart).trim();
    try {
      long amount = Long.parseLong(s.substring(0, unitStart));
      return switch (unit) {
        case "", "ms" -> Durations.milliseconds(amount);
        case "s" -> Durations.seconds(amount);
        case "min", "m" -> Durations.minutes(amount);
        case "h" -> Durations.minutes(Math.multiplyExact(amount, 60L));
        default -> throw new IllegalArgumentException(
            "unknown unit '" + unit + "' in '" + text + "'; use ms, s, min or h");
      };
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("duration '" + text + "' is too large to count in milliseconds; use at "
          + "most " + Long.MAX_VALUE + "ms", e);
    }
  }
}

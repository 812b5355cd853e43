package io.dstream;

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
 */
public final class ConfigKeys {
  private static final Pattern LOCAL_N = Pattern.compile("local\\[(\\d+|\\*)]");

  private ConfigKeys() {}

  /** The master: {@code local}, {@code local[N]} or {@code local[*]}; sets the number of worker threads. */
  public static final ConfigKey<String> MASTER = new ConfigKey<>("dstream.master", "local[*]", ConfigKeys::master,
      "How many worker threads run tasks: local (1), local[N] (N) or local[*] (one per core).");

  /** The application's name, used in thread names and log lines. */
  public static final ConfigKey<String> APP_NAME = new ConfigKey<>("dstream.app.name", "dstream", s -> s,
      "The application's name, used in thread names and log lines.");

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
   * How long {@code stop()} waits for the jobs still running, in a graceful stop (every batch whose time had
   * come) as in a non-graceful one (the running jobs, after interrupting them), before it gives up and logs
   * what it left running.
   */
  public static final ConfigKey<Duration> STOP_TIMEOUT = new ConfigKey<>("dstream.stopTimeout", "10s",
      ConfigKeys::duration,
      "How long stop() waits for running jobs (graceful stop: for all generated batches) before it gives up "
          + "and logs what it left running.");

  /** How many checkpoints of each kind are kept in the checkpoint directory. */
  public static final ConfigKey<Integer> CHECKPOINT_RETAINED = new ConfigKey<>("dstream.checkpoint.retained",
      "3", ConfigKeys::positiveInt,
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

  private static final List<ConfigKey<?>> ALL = List.of(MASTER, APP_NAME, CONCURRENT_JOBS, DEFAULT_PARALLELISM,
      TASK_MAX_FAILURES, STOP_TIMEOUT, CHECKPOINT_RETAINED, CHECKPOINT_CREATE_ON_ERROR,
      FILE_STREAM_MIN_REMEMBER_DURATION);

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

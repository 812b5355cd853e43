package io.dstream.benchmarks;

import io.dstream.kafka.testing.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Measures a scale-out word count run as several JVMs ({@link WordCountInstance}, each a child JVM with
 * {@code -Xmx1g}) against an {@link EmbeddedKafka} broker in this JVM on 127.0.0.1:
 *
 * <ul>
 *   <li>the throughput of 1, 2 and 3 instances on a pre-filled lines topic of 6 partitions
 *       ({@link InstancesThroughputRun}), several runs each;
 *   <li>the time from a crash (SIGKILL) of one of three instances under a continuous feed until the others have
 *       taken over its partitions ({@link CrashTakeoverRun}), several runs.
 * </ul>
 *
 * <p>It prints each run, then the median, min and max of each figure. Run it from the repository root with
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@scaleout-instances -pl dstream-benchmarks -am
 * }</pre>
 *
 * <p>and {@code -DscaleoutInstances.args="lines runs instanceCounts crashes"} for other sizes (by default
 * {@code 300000 3 1,2,3 3}: 3 M words, 3 runs of each count, 3 crashes; a count or crashes of 0 skips a part).
 */
public final class ScaleOutInstancesBenchmark {
  private static final String[] DEFAULTS = {"300000", "3", "1,2,3", "3"};

  private ScaleOutInstancesBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the lines per throughput run, the runs per instance count, the instance counts (comma-separated),
   *     the number of crashes; each optional
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    String[] given = Arrays.copyOf(args, DEFAULTS.length);
    for (int i = 0; i < given.length; i++) {
      given[i] = given[i] == null ? DEFAULTS[i] : given[i];
    }
    long lines = Long.parseLong(given[0]);
    int runs = Integer.parseInt(given[1]);
    int[] counts = Arrays.stream(given[2].split(",")).mapToInt(Integer::parseInt).toArray();
    int crashes = Integer.parseInt(given[3]);
    Path logs = Files.createTempDirectory("scaleout-instances");
    System.out.println("instances' logs in " + logs);
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      for (int count : counts) {
        List<InstancesThroughputRun> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
          results.add(InstancesThroughputRun.run(kafka, "tp" + count + "x" + run, count, lines, logs));
          System.out.println(results.get(results.size() - 1));
        }
        System.out.printf(Locale.ROOT, "%d instance(s): %s lines/s; %s words/s; in the group after %s s; "
                + "first commit after go %s s%n", count, spread(results, InstancesThroughputRun::linesPerSecond),
            spread(results, InstancesThroughputRun::wordsPerSecond),
            spread(results, InstancesThroughputRun::startSeconds),
            spread(results, InstancesThroughputRun::firstCommitSeconds));
      }
      List<CrashTakeoverRun> takeovers = new ArrayList<>();
      for (int crash = 0; crash < crashes; crash++) {
        takeovers.add(CrashTakeoverRun.run(kafka, "crash" + crash, logs));
        System.out.println(takeovers.get(takeovers.size() - 1));
      }
      if (!takeovers.isEmpty()) {
        System.out.printf(Locale.ROOT, "crash of 1 of 3 instances, seconds after the SIGKILL: dropped from the group "
                + "%s; group stable %s; partitions gained %s; committed offsets moving %s%n",
            spread(takeovers, CrashTakeoverRun::detectedSeconds),
            spread(takeovers, CrashTakeoverRun::rebalancedSeconds),
            spread(takeovers, CrashTakeoverRun::gainedSeconds),
            spread(takeovers, CrashTakeoverRun::takeoverSeconds));
      }
    }
  }

  /** The median, min and max of a figure over runs. */
  private static <T> String spread(List<T> runs, ToDoubleFunction<T> figure) {
    double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
    return String.format(Locale.ROOT, "median %.1f (min %.1f, max %.1f)", values[values.length / 2], values[0],
        values[values.length - 1]);
  }

  /**
   * Returns the machine's 1-minute load average, to print beside each run (other work on the machine changes the
   * figures).
   *
   * @return the load average, or -1 if the system does not tell
   */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}

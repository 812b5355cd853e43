package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instances of one {@link ScaleOutWordCount} application, each a child JVM ({@link ExampleJvm}) that the test
 * starts, stops gracefully (the line {@code stop}) or kills, and whose printed ownership it follows: which
 * partitions of the lines topic and of the words topic each instance owns.
 */
final class ScaleOutInstances implements AutoCloseable {
  private static final Pattern OWNS = Pattern.compile("owns \\[(.*)]$");
  /** What InstanceGroup logs at each change of an instance's partitions. */
  private static final Pattern GENERATION = Pattern.compile("\\(group generation (\\d+)\\)");
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);

  private final Path logs;
  private final String[] args;
  private final Set<String> partitions;
  private final Map<String, ExampleJvm> started = new LinkedHashMap<>();

  /**
   * Prepares the instances of one application.
   *
   * @param logs where the children's logs go
   * @param args the example's arguments: brokers, application id, lines topic, output topic, batch interval
   * @param partitions the number of partitions of the lines topic and of the words topic
   */
  ScaleOutInstances(Path logs, List<String> args, int partitions) {
    this.logs = logs;
    this.args = args.toArray(String[]::new);
    this.partitions = new TreeSet<>();
    for (int p = 0; p < partitions; p++) {
      this.partitions.add(args.get(2) + "-" + p);
      this.partitions.add(args.get(1) + "-words-" + p);
    }
  }

  /**
   * Starts an instance.
   *
   * @param name the instance's name, new
   * @throws IOException if its JVM cannot be started
   */
  void start(String name) throws IOException {
    assertThat(started).as("instances started").doesNotContainKey(name);
    started.put(name, ExampleJvm.start(name, ScaleOutWordCount.class, logs, args));
  }

  /**
   * Stops an instance gracefully and checks that it ended well.
   *
   * @param name the instance
   * @throws InterruptedException if interrupted while waiting
   */
  void stop(String name) throws InterruptedException {
    ExampleJvm instance = started.get(name);
    instance.send(BatchRunner.STOP_LINE);
    assertThat(instance.awaitExit(STOP_WAIT)).as("exit status of %s", instance.describe()).isZero();
    assertThat(instance.lines()).as("what %s printed", name).endsWith("stopped");
  }

  /** Stops every instance that runs, gracefully, one after the other. */
  void stopAll() throws InterruptedException {
    for (ExampleJvm instance : started.values()) {
      if (instance.isAlive()) {
        stop(instance.name());
      }
    }
  }

  /**
   * Kills an instance with SIGKILL.
   *
   * @param name the instance
   * @throws InterruptedException if interrupted while it dies
   */
  void kill(String name) throws InterruptedException {
    started.get(name).kill();
  }

  /**
   * Waits until the running instances share every partition: each owns some, none owns one another does, and
   * together they own all; that is, every instance has taken part in the group's latest rebalance.
   *
   * @param timeout how long to wait at most
   * @return how long it took
   * @throws AssertionError if the time ran out first
   * @throws InterruptedException if interrupted while waiting
   */
  Duration awaitBalanced(Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    ExampleJvm.await(this::balanced, timeout, "the running instances to share " + partitions,
        started.values());
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private boolean balanced() {
    Set<String> owned = new HashSet<>();
    int count = 0;
    for (ExampleJvm instance : running()) {
      Set<String> mine = latestOwned(instance).orElse(Set.of());
      if (mine.isEmpty()) {
        return false;
      }
      owned.addAll(mine);
      count += mine.size();
    }
    return count == partitions.size() && owned.equals(partitions);
  }

  private List<ExampleJvm> running() {
    return started.values().stream().filter(ExampleJvm::isAlive).toList();
  }

  /** The partitions an instance said it owns last, if it said so. */
  private static Optional<Set<String>> latestOwned(ExampleJvm instance) {
    List<String> lines = instance.lines();
    for (int i = lines.size() - 1; i >= 0; i--) {
      Matcher owns = OWNS.matcher(lines.get(i));
      if (owns.find()) {
        return Optional.of(owns.group(1).isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(owns.group(1)
            .split(", "))));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the group generations at which an instance's partitions changed, from every instance's log: one per
   * rebalance that moved partitions.
   *
   * @return the generations
   * @throws IOException if a log cannot be read
   */
  Set<Integer> generations() throws IOException {
    Set<Integer> generations = new TreeSet<>();
    for (ExampleJvm instance : started.values()) {
      Matcher generation = GENERATION.matcher(instance.logText());
      while (generation.find()) {
        generations.add(Integer.valueOf(generation.group(1)));
      }
    }
    return generations;
  }

  /**
   * Returns the lines every instance printed about restoring state.
   *
   * @return the lines, by instance
   */
  List<String> restores() {
    List<String> restores = new ArrayList<>();
    started.values().forEach(instance -> instance.lines().stream().filter(line -> line.startsWith("restored "))
        .forEach(line -> restores.add(instance.name() + ": " + line)));
    return restores;
  }

  /** Kills the instances that still run: a failed test must not leave them running. */
  @Override
  public void close() throws InterruptedException {
    for (ExampleJvm instance : started.values()) {
      instance.close();
    }
  }
}

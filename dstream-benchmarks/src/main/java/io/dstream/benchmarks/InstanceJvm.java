package io.dstream.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A {@link WordCountInstance} in a child JVM of the benchmark's class path: its standard error goes to a log
 * file, and each line it prints is kept with the time the benchmark read it, so that the benchmark can tell
 * when an instance gained a partition.
 */
final class InstanceJvm {
  private final String name;
  private final Process process;
  private final Writer input;
  private final List<Printed> printed = new ArrayList<>(); // guarded by itself
  private volatile boolean ended;

  /**
   * A line the instance printed.
   *
   * @param nanos {@link System#nanoTime()} when the benchmark read it
   * @param text the line
   */
  record Printed(long nanos, String text) {}

  private InstanceJvm(String name, Process process) {
    this.name = name;
    this.process = process;
    this.input = process.outputWriter(StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readOutput, "output-of-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts an instance.
   *
   * @param name its name, and that of its log {@code <logs>/<name>.log}
   * @param heap the child's {@code -Xmx}, such as {@code 1g}
   * @param logs where its log goes
   * @param args the arguments of {@link WordCountInstance#main}
   * @return the running instance
   * @throws IOException if the JVM cannot be started
   */
  static InstanceJvm start(String name, String heap, Path logs, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), WordCountInstance.class.getName()));
    command.addAll(Arrays.asList(args));
    Process process = new ProcessBuilder(command).redirectError(logs.resolve(name + ".log").toFile()).start();
    return new InstanceJvm(name, process);
  }

  private void readOutput() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        synchronized (printed) {
          printed.add(new Printed(System.nanoTime(), line));
        }
      }
    } catch (IOException e) {
      // The pipe broke with the child (killed): what it printed before is kept.
    }
  }

  /**
   * Returns what the instance printed so far.
   *
   * @return the lines, oldest first
   */
  List<Printed> printed() {
    synchronized (printed) {
      return List.copyOf(printed);
    }
  }

  /**
   * Returns the partitions the instance said it owns last.
   *
   * @return the partitions, as {@code topic-partition}; empty if it said nothing yet
   */
  Set<String> owned() {
    List<Printed> lines = printed();
    for (int i = lines.size() - 1; i >= 0; i--) {
      String text = lines.get(i).text();
      if (text.startsWith(WordCountInstance.OWNS)) {
        String list = text.substring(WordCountInstance.OWNS.length(), text.indexOf(' ',
            WordCountInstance.OWNS.length()));
        return list.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(list.split(",")));
      }
    }
    return Set.of();
  }

  /**
   * Stops the instance gracefully, or kills it if it does not end within a minute.
   *
   * @throws InterruptedException if interrupted while waiting
   * @throws IOException if the stop line cannot be sent
   */
  void stop() throws InterruptedException, IOException {
    ended = true;
    if (process.isAlive()) {
      input.write(WordCountInstance.STOP_LINE + "\n");
      input.flush();
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        System.out.println(name + " did not stop within a minute; killed");
        kill();
      }
    }
  }

  /**
   * Kills the instance with SIGKILL, as a crash would, and waits until it is gone.
   */
  void kill() {
    ended = true;
    process.destroyForcibly();
    process.onExit().join();
  }

  /**
   * Tells whether the instance ended without being stopped or killed (a failed batch).
   *
   * @return true if it did
   */
  boolean endedByItself() {
    return !ended && !process.isAlive();
  }

  /**
   * Returns the instance's name.
   *
   * @return the name given at the start
   */
  String name() {
    return name;
  }
}

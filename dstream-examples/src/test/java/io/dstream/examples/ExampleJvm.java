package io.dstream.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * An example's {@code main} in a child JVM with the test's class path, for the tests that start, stop and kill
 * examples: its log (standard error) goes to a file, its standard output is read line by line on a thread of its
 * own, so that a test can wait on what several children print at once ({@link #await}), and lines can be sent to
 * its standard input.
 */
final class ExampleJvm implements AutoCloseable {
  private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");
  /** Every child's reader notifies it on each line, and at the end of the output: waiters then check again. */
  private static final Object OUTPUT = new Object();
  private static final int SHOWN_LINES = 10;

  private final String name;
  private final Process process;
  private final Path log;
  private final Writer input;
  private final List<String> lines = new ArrayList<>(); // guarded by OUTPUT
  private final Thread reader;

  private ExampleJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.input = process.outputWriter(StandardCharsets.UTF_8);
    this.reader = new Thread(this::readOutput, "output-of-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * The command that runs an example's {@code main} in a child JVM with the test's class path, its standard error
   * going to {@code log}.
   *
   * @param main the example
   * @param log the file the child's log goes to
   * @param args the example's arguments
   * @return the command, not started
   */
  static ProcessBuilder command(Class<?> main, Path log, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(log.toFile());
  }

  /**
   * Starts an example in a child JVM.
   *
   * @param name the child's name in messages, and of its log {@code <directory>/<name>.log}
   * @param main the example
   * @param directory where the log goes
   * @param args the example's arguments
   * @return the running child
   * @throws IOException if the JVM cannot be started
   */
  static ExampleJvm start(String name, Class<?> main, Path directory, String... args) throws IOException {
    Path log = directory.resolve(name + ".log");
    return new ExampleJvm(name, command(main, log, args).start(), log);
  }

  private void readOutput() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        synchronized (OUTPUT) {
          lines.add(line);
          OUTPUT.notifyAll();
        }
      }
    } catch (IOException e) {
      // The pipe broke with the child: what it printed before is kept.
    } finally {
      synchronized (OUTPUT) {
        OUTPUT.notifyAll();
      }
    }
  }

  /**
   * Waits until a condition on the children's output holds, checking it again after every line any child prints
   * and every child's end.
   *
   * @param condition what to wait for; called while no child's output changes
   * @param timeout how long to wait at most
   * @param what what is waited for, for the failure message
   * @param children the children whose output the failure message shows
   * @throws AssertionError if the time ran out first; the message holds each child's last lines and log file
   * @throws InterruptedException if interrupted while waiting
   */
  static void await(BooleanSupplier condition, Duration timeout, String what, Collection<ExampleJvm> children)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (OUTPUT) {
      while (!condition.getAsBoolean()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          StringBuilder message = new StringBuilder("waited " + timeout.toSeconds() + " s for " + what);
          children.forEach(child -> message.append("\n").append(child.describe()));
          throw new AssertionError(message);
        }
        OUTPUT.wait(left);
      }
    }
  }

  /**
   * Returns what the child printed so far.
   *
   * @return the lines of its standard output
   */
  List<String> lines() {
    synchronized (OUTPUT) {
      return List.copyOf(lines);
    }
  }

  /**
   * Sends a line to the child's standard input.
   *
   * @param line the line
   */
  void send(String line) {
    try {
      input.write(line + "\n");
      input.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write to " + name + "; its log " + log, e);
    }
  }

  /**
   * Waits until the child has ended by itself and returns its exit status, once it has printed everything.
   *
   * @param timeout how long to wait at most
   * @return the exit status
   * @throws AssertionError if it did not end in time
   * @throws InterruptedException if interrupted while waiting
   */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " did not end within " + timeout.toSeconds() + " s\n" + describe());
    }
    reader.join(timeout.toMillis());
    return process.exitValue();
  }

  /**
   * Kills the child with SIGKILL, as a crash would, and waits until it is gone.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  void kill() throws InterruptedException {
    // Through the handle, which only sends the signal: Process.destroyForcibly would also close the pipe of what
    // the child printed before it died.
    process.toHandle().destroyForcibly();
    process.waitFor();
    reader.join();
  }

  /**
   * Tells whether the child still runs.
   *
   * @return true until it has ended
   */
  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Returns the child's name.
   *
   * @return the name given at the start
   */
  String name() {
    return name;
  }

  /**
   * Returns the file the child's log goes to.
   *
   * @return the log file
   */
  Path log() {
    return log;
  }

  /** The child's name, state, last lines and log file, for a failure message. */
  String describe() {
    List<String> printed = lines();
    return name + (process.isAlive() ? " (running)" : " (ended with " + process.exitValue() + ")") + ", log " + log
        + ", last lines:\n  " + String.join("\n  ", printed.subList(Math.max(0, printed.size() - SHOWN_LINES),
        printed.size()));
  }

  /**
   * Returns the child's log as far as it is written.
   *
   * @return the log's text
   * @throws IOException if it cannot be read
   */
  String logText() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Kills the child if it still runs: a failed test must not leave it running. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}

package io.dstream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that a crash test starts, follows and kills: it runs a main class of the test classpath,
 * writes its log (standard error) to a file, and reports its progress on standard output, one line per
 * event, each starting with {@value #EVENT} (the child calls {@link #report}). The crash tests kill it after
 * a random number of events, so that the moments are random without the test sleeping. The events the test
 * reads, and the kill, are also written with their wall-clock time to the log's sibling {@code <log>.events},
 * for the post-mortem of a failed run.
 */
final class ChildJvm {
  /** The prefix of the lines the child reports its events with. */
  static final String EVENT = "@@ ";

  private static final List<String> DEFAULT_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

  private final Process process;
  private final Path log;
  private final Path events;
  private final BufferedReader out;
  private final List<String> received = new ArrayList<>();
  private boolean started;

  private ChildJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.events = log.resolveSibling(log.getFileName() + ".events");
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts {@code mainClass} with the test's classpath and waits until it reports {@code started}. */
  static ChildJvm start(Class<?> mainClass, Path log, String... args) throws IOException {
    return start(DEFAULT_OPTIONS, mainClass, log, args);
  }

  /** Starts {@code mainClass} with these JVM options instead of the defaults, such as a smaller heap. */
  static ChildJvm start(List<String> jvmOptions, Class<?> mainClass, Path log, String... args) throws IOException {
    ChildJvm child = launch(jvmOptions, mainClass, log, args);
    child.awaitStarted();
    return child;
  }

  /**
   * Starts {@code mainClass} with the test's classpath and returns at once: the first events {@link #next}
   * returns may be those of the batches that recovery runs again, then {@code started}.
   */
  static ChildJvm launch(Class<?> mainClass, Path log, String... args) throws IOException {
    return launch(DEFAULT_OPTIONS, mainClass, log, args);
  }

  private static ChildJvm launch(List<String> jvmOptions, Class<?> mainClass, Path log, String... args)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectError(log.toFile());
    ChildJvm child = new ChildJvm(builder.start(), log);
    child.note("launched", "");
    return child;
  }

  /** Called by the child: reports one event to the test. */
  static void report(PrintStream events, String event) {
    synchronized (events) {
      events.println(EVENT + event);
      events.flush();
    }
  }

  private void awaitStarted() throws IOException {
    while (!next().equals("started")) {
      // Recovery may report the batches it runs again before the start returns.
    }
  }

  /** Returns the next event; fails the test, with the child's log, if the child ended instead. */
  String next() throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(EVENT)) {
        return receive(line, "");
      }
    }
    throw new AssertionError("the child ended unexpectedly; its log " + log + ":\n" + Files.readString(log));
  }

  /** Kills the child with SIGKILL, as a crash would, and waits until it is gone. */
  void kill() throws InterruptedException {
    // Through the handle, which only sends the signal: Process.destroyForcibly would also close the pipe of
    // what the child reported before it died.
    process.toHandle().destroyForcibly();
    process.waitFor();
    try {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(EVENT)) {
          receive(line, " (reported before the kill, read after it)");
        }
      }
      note("killed", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the child reported {@code started} (the context runs) before it ended or was killed. */
  boolean reportedStarted() {
    return started;
  }

  /**
   * The events the child reported that were read so far, in order: once it was killed or has exited, all of
   * them.
   */
  List<String> events() {
    return Collections.unmodifiableList(received);
  }

  /** Records an event line the child reported, and returns the event. */
  private String receive(String line, String remark) throws IOException {
    String event = line.substring(EVENT.length());
    received.add(event);
    started |= event.equals("started");
    return note(event, remark);
  }

  /** Writes an event, or what the test did, to the events file, and returns it. */
  private String note(String event, String remark) throws IOException {
    Files.writeString(events, System.currentTimeMillis() + " " + event + remark + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return event;
  }

  /** Whether the child still runs. */
  boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the child if it still runs; for the test's clean-up. */
  void killIfAlive() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  /** Waits until the child has ended by itself and returns its exit status. */
  int awaitExit() throws IOException, InterruptedException {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(EVENT)) {
        receive(line, "");
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the child did not stop; its log " + log + ":\n" + Files.readString(log));
    }
    return process.exitValue();
  }

  /** Returns the file the child's log goes to. */
  Path log() {
    return log;
  }
}

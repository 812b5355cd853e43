package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The kill-and-restart loop of the crash tests: runs a {@link CrashLoopChild} program in a child JVM on a work
 * directory ({@code in/} the watched input, {@code checkpoints/}, {@code out/counts-<time>} the output), kills
 * it with SIGKILL at random moments, several times, restarting it each time (the child recovers with
 * {@code getOrCreate}), while it feeds files of random words into the input directory by atomic rename (also
 * while the child is down). Finally it lets the last run finish on the end marker.
 *
 * <p>The moments are chosen without sleeping: the child reports each batch's submission, output and
 * completion, and the loop kills it after a random number of those reports (zero kills it right after the
 * start, while recovery may still be running batches again). All random choices come from the given
 * {@link Random}, so a seed reproduces a run.
 */
final class CrashLoop implements AutoCloseable {
  private final Path work;
  private final Class<?> childMain;
  private final long batchMillis;
  private final List<String> fedLines = new ArrayList<>();
  private ChildJvm child;
  private int filesFed;

  /**
   * Prepares the work directory.
   *
   * @param work an empty directory
   * @param childMain the child program: a class whose {@code main} takes the arguments {@link CrashLoopChild}
   *     parses and reports through it
   * @param batchMillis the child's batch interval on the real clock
   */
  CrashLoop(Path work, Class<?> childMain, long batchMillis) throws IOException {
    this.work = work;
    this.childMain = childMain;
    this.batchMillis = batchMillis;
    Files.createDirectories(work.resolve("in"));
    Files.createDirectories(work.resolve("staging"));
    Files.createDirectories(work.resolve("out"));
  }

  /** Starts, feeds and kills the child {@code kills} times, feeding a few more files while it is down. */
  void killRepeatedly(Random random, int kills) throws IOException, InterruptedException {
    for (int kill = 0; kill < kills; kill++) {
      startChild("run-" + kill);
      int eventsBeforeKill = random.nextInt(20);
      for (int i = 0; i < eventsBeforeKill; i++) {
        if (random.nextInt(3) == 0) {
          feedFile(random);
        }
        child.next();
      }
      child.kill();
      int whileDown = random.nextInt(3);
      for (int i = 0; i < whileDown; i++) {
        feedFile(random);
      }
    }
  }

  /** Starts the last run, feeds two more files and the end marker, and waits until the child exits with 0. */
  void finish(Random random) throws IOException, InterruptedException {
    startChild("final");
    feedFile(random);
    feedFile(random);
    feed("zz-end.txt", List.of(CrashLoopChild.END_WORD));
    assertThat(child.awaitExit()).as("exit status of the last run; see %s", child.log()).isZero();
  }

  /** How many files of random words were fed. */
  int filesFed() {
    return filesFed;
  }

  /** What a run without any crash counts, in plain Java: every word of every fed line, once. */
  Map<String, Integer> fedWordCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : fedLines) {
      for (String word : line.split(" ")) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The child's output directories in batch time order; fails if one lacks its completion marker. */
  List<Path> outputDirectories() throws IOException {
    try (Stream<Path> dirs = Files.list(work.resolve("out"))) {
      List<Path> complete = dirs.filter(dir -> !dir.getFileName().toString().startsWith("."))
          .sorted((a, b) -> Long.compare(batchTime(a), batchTime(b))).toList();
      for (Path dir : complete) {
        assertThat(dir.resolve("_SUCCESS")).as("the marker of a complete batch directory").exists();
      }
      return complete;
    }
  }

  /** The names of hidden (half-written) entries left in the output directory. */
  List<String> hiddenLeftovers() throws IOException {
    try (Stream<Path> entries = Files.list(work.resolve("out"))) {
      return entries.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(".")).toList();
    }
  }

  /** Sums the {@code (word,count)} lines of the part files of one output directory. */
  static Map<String, Integer> countsIn(Path dir) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    try (Stream<Path> parts = Files.list(dir)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
          int comma = line.lastIndexOf(',');
          counts.merge(line.substring(1, comma), Integer.parseInt(line.substring(comma + 1, line.length() - 1)),
              Integer::sum);
        }
      }
    }
    return counts;
  }

  /** Kills the child if a failed test left it running. */
  @Override
  public void close() throws InterruptedException {
    if (child != null) {
      child.killIfAlive();
    }
  }

  private static long batchTime(Path outputDirectory) {
    String name = outputDirectory.getFileName().toString();
    return Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
  }

  private void startChild(String run) throws IOException {
    child = ChildJvm.start(childMain, work.resolve(run + ".log"), work.resolve("in").toString(),
        work.resolve("checkpoints").toString(), work.resolve("out").resolve("counts").toString(),
        Long.toString(batchMillis));
  }

  /** Writes a file of random words in the staging directory and renames it into the input directory. */
  private void feedFile(Random random) throws IOException {
    List<String> lines = new ArrayList<>();
    int count = 1 + random.nextInt(5);
    for (int l = 0; l < count; l++) {
      lines.add("w" + random.nextInt(20) + " w" + random.nextInt(20) + " w" + random.nextInt(20));
    }
    feed(String.format("f-%04d.txt", filesFed++), lines);
  }

  private void feed(String name, List<String> lines) throws IOException {
    Path staged = Files.write(work.resolve("staging").resolve(name), lines, StandardCharsets.UTF_8);
    Files.move(staged, work.resolve("in").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    fedLines.addAll(lines);
  }
}

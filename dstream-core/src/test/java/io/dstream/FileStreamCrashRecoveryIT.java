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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real crash test of end-to-end exactly once: a child JVM runs {@link RecoverableWordCountChild} (a file
 * stream, word counts, {@code saveAsTextFiles}, checkpoints, 200 ms batches on the real clock), and the test
 * kills it with SIGKILL at random moments, several times, restarting it with {@code getOrCreate} each time,
 * while it feeds files into the input directory by atomic rename (also while the child is down). Finally it
 * lets the child finish and checks that the output directories, taken together, count every word of every
 * input file exactly once: nothing lost, nothing doubled, no half-written directory left.
 *
 * <p>The moments are chosen without sleeping: the child reports each batch's submission, output and
 * completion, and the test kills it after a random number of those reports (zero kills it right after the
 * start, while recovery may still be running batches again). The random choices come from a fixed seed,
 * which {@code -Ddstream.crashTest.seed=N} overrides.
 */
class FileStreamCrashRecoveryIT {
  private static final int KILLS = 12;
  private static final long BATCH_MILLIS = 200;

  @TempDir
  Path work;

  private final List<String> fedLines = new ArrayList<>();
  private ChildJvm child;
  private int filesFed;

  @AfterEach
  void killTheChildIfItIsStillRunning() throws InterruptedException {
    if (child != null) {
      child.killIfAlive();
    }
  }

  @Test
  @Timeout(value = 110, unit = TimeUnit.SECONDS)
  void killedAtRandomMomentsAndRecoveredTheRunCountsEveryWordExactlyOnce() throws Exception {
    long seed = Long.getLong("dstream.crashTest.seed", 20_240_601L);
    Random random = new Random(seed);
    Files.createDirectories(work.resolve("in"));
    Files.createDirectories(work.resolve("staging"));
    Files.createDirectories(work.resolve("out"));

    for (int kill = 0; kill < KILLS; kill++) {
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

    startChild("final");
    feedFile(random);
    feedFile(random);
    feedEndMarker();

    assertThat(child.awaitExit()).as("exit status of the last run; see %s", child.log()).isZero();
    assertThat(hiddenLeftovers()).as("half-written output directories (seed %d)", seed).isEmpty();
    assertThat(countedWords()).as("word counts of all output directories (seed %d, %d files)", seed, filesFed)
        .isEqualTo(expectedCounts());
  }

  private void startChild(String run) throws IOException {
    child = ChildJvm.start(RecoverableWordCountChild.class, work.resolve(run + ".log"),
        work.resolve("in").toString(), work.resolve("checkpoints").toString(),
        work.resolve("out").resolve("counts").toString(), Long.toString(BATCH_MILLIS));
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

  private void feedEndMarker() throws IOException {
    feed("zz-end.txt", List.of(RecoverableWordCountChild.END_WORD));
  }

  private void feed(String name, List<String> lines) throws IOException {
    Path staged = Files.write(work.resolve("staging").resolve(name), lines, StandardCharsets.UTF_8);
    Files.move(staged, work.resolve("in").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    fedLines.addAll(lines);
  }

  /** What a run without any crash counts: every word of every fed line, once. */
  private Map<String, Integer> expectedCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : fedLines) {
      for (String word : line.split(" ")) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Sums the {@code (word,count)} lines of every complete output directory. */
  private Map<String, Integer> countedWords() throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(work.resolve("out"))) {
      for (Path dir : dirs.sorted().toList()) {
        assertThat(dir.resolve("_SUCCESS")).as("the marker of a complete batch directory").exists();
        try (Stream<Path> parts = Files.list(dir)) {
          for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
            for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
              int comma = line.lastIndexOf(',');
              counts.merge(line.substring(1, comma), Integer.parseInt(line.substring(comma + 1, line.length() - 1)),
                  Integer::sum);
            }
          }
        }
      }
    }
    return counts;
  }

  private List<String> hiddenLeftovers() throws IOException {
    try (Stream<Path> entries = Files.list(work.resolve("out"))) {
      return entries.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(".")).toList();
    }
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real crash test of end-to-end exactly once: a child JVM runs {@link RecoverableWordCountChild} (a file
 * stream, word counts, {@code saveAsTextFiles}, checkpoints, 200 ms batches on the real clock), and the
 * {@link CrashLoop} kills it with SIGKILL at random moments, several times, restarting it with
 * {@code getOrCreate} each time, while it feeds files into the input directory. Finally the output
 * directories, taken together, must count every word of every input file exactly once: nothing lost, nothing
 * doubled, no half-written directory left.
 *
 * <p>The random choices come from a fixed seed, which {@code -Ddstream.crashTest.seed=N} overrides.
 */
class FileStreamCrashRecoveryIT {
  private static final int KILLS = 12;
  private static final long BATCH_MILLIS = 200;

  @TempDir
  Path work;

  private CrashLoop loop;

  @BeforeEach
  void prepareTheWorkDirectory() throws IOException {
    loop = new CrashLoop(work, RecoverableWordCountChild.class, BATCH_MILLIS);
  }

  @AfterEach
  void killTheChildIfItIsStillRunning() throws InterruptedException {
    loop.close();
  }

  @Test
  @Timeout(value = 110, unit = TimeUnit.SECONDS)
  void killedAtRandomMomentsAndRecoveredTheRunCountsEveryWordExactlyOnce() throws Exception {
    long seed = Long.getLong("dstream.crashTest.seed", 20_240_601L);
    Random random = new Random(seed);

    loop.killRepeatedly(random, KILLS);
    loop.finish(random);

    assertThat(loop.hiddenLeftovers()).as("half-written output directories (seed %d)", seed).isEmpty();
    assertThat(countedWords()).as("word counts of all output directories (seed %d, %d files)", seed,
        loop.filesFed()).isEqualTo(loop.fedWordCounts());
  }

  /** Sums the counts of every complete output directory. */
  private Map<String, Integer> countedWords() throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (Path dir : loop.outputDirectories()) {
      CrashLoop.countsIn(dir).forEach((word, count) -> counts.merge(word, count, Integer::sum));
    }
    return counts;
  }
}

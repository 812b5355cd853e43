package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real crash test of a stateful stream: a child JVM runs {@link RunningCountChild} (a file stream, running
 * word counts with {@code updateStateByKey}, each batch's counts saved with {@code saveAsTextFiles},
 * checkpoints, 200 ms batches on the real clock), and the {@link CrashLoop} kills it with SIGKILL at random
 * moments, several times, restarting it with {@code getOrCreate} each time, while it feeds files into the input
 * directory. Finally the last batch's running counts must equal the counts of all fed words computed in plain
 * Java: no file lost or counted twice by the state across the crashes.
 *
 * <p>The random choices come from a fixed seed, which {@code -Ddstream.crashTest.seed=N} overrides.
 */
class StatefulRunningCountCrashRecoveryIT {
  private static final int KILLS = 8;
  private static final long BATCH_MILLIS = 200;

  @TempDir
  Path work;

  private CrashLoop loop;

  @BeforeEach
  void prepareTheWorkDirectory() throws IOException {
    loop = new CrashLoop(work, RunningCountChild.class, BATCH_MILLIS);
  }

  @AfterEach
  void killTheChildIfItIsStillRunning() throws InterruptedException {
    loop.close();
  }

  @Test
  @Timeout(value = 100, unit = TimeUnit.SECONDS)
  void killedAtRandomMomentsAndRecoveredTheRunningCountsEqualTheCrashFreeCounts() throws Exception {
    long seed = Long.getLong("dstream.crashTest.seed", 20_240_611L);
    Random random = new Random(seed);

    loop.killRepeatedly(random, KILLS);
    loop.finish(random);

    assertThat(loop.hiddenLeftovers()).as("half-written output directories (seed %d)", seed).isEmpty();
    List<Path> batches = loop.outputDirectories();
    assertThat(batches).as("output directories").isNotEmpty();
    assertThat(CrashLoop.countsIn(batches.get(batches.size() - 1)))
        .as("running counts of the last batch, %s (seed %d, %d files)", batches.get(batches.size() - 1), seed,
            loop.filesFed())
        .isEqualTo(loop.fedWordCounts());
    for (int i = 1; i < batches.size(); i++) {
      assertNeverBelow(CrashLoop.countsIn(batches.get(i - 1)), CrashLoop.countsIn(batches.get(i)),
          batches.get(i), seed);
    }
  }

  /** A running count only grows: every word of a batch is in the next batch, with at least its count. */
  private static void assertNeverBelow(Map<String, Integer> earlier, Map<String, Integer> later, Path laterBatch,
      long seed) {
    earlier.forEach((word, count) -> assertThat(later.getOrDefault(word, 0))
        .as("running count of %s in %s (seed %d)", word, laterBatch, seed).isGreaterThanOrEqualTo(count));
  }
}

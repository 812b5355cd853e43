package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The incremental {@code reduceByKeyAndWindow} after a restart: no earlier window result survives it (they
 * are kept in memory only), so the first window after the restart is reduced from the batches of its own
 * window, rather than from the previous window, whose computation would need its own previous one, and so
 * on back to the application's first batch: a recursion as deep as the application is old, which overflowed
 * the stack once the application had run some thousands of batches (failing that batch at every restart).
 * Batches are 1 s, the window 3 s; one file per batch, with the key {@code a}, and {@code b} in even batches.
 */
class IncrementalWindowRecoveryTest {
  private static final String CHECKPOINTS = "/checkpoints";

  private final MemoryInputDirectory input = new MemoryInputDirectory();

  @AfterEach
  void close() {
    input.close();
  }

  /** One run of the program: the windowed counts per key, and the batch times asked of the input. */
  private final class Run implements AutoCloseable {
    final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
    final Set<Long> askedOfTheInput = new ConcurrentSkipListSet<>();
    final CollectedOutput<Tuple2<String, Integer>> windows;

    Run(String checkpoints) {
      DStream<String> lines = t.context().textFileStream(input.uri());
      windows = t.collect(lines.transform((rdd, time) -> {
        askedOfTheInput.add(time.milliseconds());
        return rdd;
      }).mapToPair(line -> new Tuple2<>(line, 1)).reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
          Durations.seconds(3), Durations.seconds(1)));
      t.recoverFrom(input.uri(checkpoints));
    }

    @Override
    public void close() {
      t.close();
    }
  }

  /** Puts the files of the batches {@code first} to {@code last}, each modified 0.5 s before its batch. */
  private void feed(int first, int last) {
    for (int batch = first; batch <= last; batch++) {
      String[] lines = batch % 2 == 0 ? new String[] {"a", "b"} : new String[] {"a"};
      input.put("f-" + batch, batch * 1_000L - 500, lines);
    }
  }

  /** Each batch's records as a set: their order depends on the partitions. */
  private static List<Set<Tuple2<String, Integer>>> asSets(List<List<Tuple2<String, Integer>>> batches) {
    return batches.stream().map(Set::copyOf).toList();
  }

  @Test
  void afterARestartTheFirstWindowIsReducedFromTheBatchesOfItsWindowOnly() {
    feed(1, 11);
    try (Run first = new Run(CHECKPOINTS)) {
      first.t.runBatches(10);
    }
    try (Run restarted = new Run(CHECKPOINTS)) {
      restarted.t.runBatches(1);

      assertThat(restarted.askedOfTheInput).as("batch times the restarted run asked of the input")
          .containsExactly(9_000L, 10_000L, 11_000L);
      assertThat(asSets(restarted.windows.batches()))
          .containsExactly(Set.of(new Tuple2<>("a", 3), new Tuple2<>("b", 1)));
    }
  }

  @Test
  void afterARestartTheWindowsAreThoseOfARunWithoutRestart() {
    feed(1, 8);
    List<List<Tuple2<String, Integer>>> crashFree;
    try (Run run = new Run("/crash-free")) {
      run.t.runBatches(8);
      crashFree = run.windows.batches();
    }
    try (Run first = new Run(CHECKPOINTS)) {
      first.t.runBatches(5);
    }
    try (Run restarted = new Run(CHECKPOINTS)) {
      restarted.t.runBatches(3);

      assertThat(asSets(restarted.windows.batches())).isEqualTo(asSets(crashFree.subList(5, 8)));
    }
  }

  @Test
  void aLongRunRecoversWithoutOverflowingTheStack() {
    feed(2_999, 3_001);
    try (Run first = new Run(CHECKPOINTS)) {
      first.t.runBatches(3_000);
    }
    try (Run restarted = new Run(CHECKPOINTS)) {
      restarted.t.runBatches(1);

      assertThat(asSets(restarted.windows.batches()))
          .containsExactly(Set.of(new Tuple2<>("a", 3), new Tuple2<>("b", 1)));
    }
  }
}

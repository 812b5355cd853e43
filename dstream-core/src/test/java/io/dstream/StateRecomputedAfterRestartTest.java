package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a restart, a stateful stream's state is the latest snapshot's (or the initial state, before the first
 * snapshot) brought forward over every batch since: the inputs must still hold what those batches took, also the
 * completed ones that their own remember duration would have let them forget.
 */
class StateRecomputedAfterRestartTest {
  private final MemoryInputDirectory input = new MemoryInputDirectory();
  private final String checkpoints = input.uri("/checkpoints");
  private final List<TestStreamingContext> runs = new ArrayList<>();

  @AfterEach
  void close() {
    runs.forEach(TestStreamingContext::close);
    input.close();
  }

  /** A run of the program: running word counts of the files of a directory, snapshotted every 10 s. */
  private CollectedOutput<Tuple2<String, Integer>> newRun() {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
    runs.add(t);
    t.context().checkpoint(checkpoints);
    PairDStream<String, Integer> counts = t.context().textFileStream(input.uri())
        .mapToPair(word -> new Tuple2<>(word, 1))
        .updateStateByKey((List<Integer> ones, Optional<Integer> count) -> Optional.of(count.orElse(0) + ones.size()));
    CollectedOutput<Tuple2<String, Integer>> out = t.collect(counts);
    t.recoverFrom(checkpoints);
    return out;
  }

  private TestStreamingContext lastRun() {
    return runs.get(runs.size() - 1);
  }

  @Test
  void completedBatchesSinceTheStartAreReadAgainWhenNoSnapshotWasWrittenYet() {
    CollectedOutput<Tuple2<String, Integer>> first = newRun();
    for (int batch = 1; batch <= 4; batch++) {
      input.put("words-" + batch, batch * 1_000L - 500, "a", "b");
      lastRun().runBatches(1);
    }
    assertThat(Map.copyOf(TestData.asMap(first.batches().get(3)))).containsEntry("a", 4);
    lastRun().close();

    CollectedOutput<Tuple2<String, Integer>> second = newRun();
    input.put("words-5", 4_500, "a");
    lastRun().runBatches(1);

    assertThat(TestData.asMap(second.batches().get(second.batches().size() - 1)))
        .as("the counts after the restart include the four batches before it")
        .containsEntry("a", 5).containsEntry("b", 4);
  }
}

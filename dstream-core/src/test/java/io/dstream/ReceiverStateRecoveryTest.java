package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stateful stream fed by a receiver with the write-ahead log, restarted before its first state snapshot: the
 * restored state is brought forward over the completed batches since the start, whose blocks the log must still
 * hold.
 */
class ReceiverStateRecoveryTest {
  @TempDir
  Path checkpoints;
  private final List<TestStreamingContext> runs = new ArrayList<>();
  private CommandedReceiver receiver;

  @AfterEach
  void close() {
    runs.forEach(TestStreamingContext::close);
  }

  /** A run of the program: running counts of the words a receiver stores, snapshotted every 10 s. */
  private CollectedOutput<Tuple2<String, Integer>> newRun() {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().set("dstream.receiver.writeAheadLog.enable", "true"));
    runs.add(t);
    t.context().checkpoint(checkpoints.toString());
    receiver = new CommandedReceiver();
    CollectedOutput<Tuple2<String, Integer>> out = t.collect(t.context().receiverStream(receiver).name("words")
        .mapToPair(word -> new Tuple2<>(word, 1))
        .updateStateByKey((List<Integer> ones, Optional<Integer> count) -> Optional.of(count.orElse(0) + ones.size())));
    t.recoverFrom(checkpoints.toString());
    t.runBatches(0);
    return out;
  }

  private TestStreamingContext lastRun() {
    return runs.get(runs.size() - 1);
  }

  @Test
  void theCompletedBatchesSinceTheStartAreReadAgainFromTheLogAfterARestart() {
    CollectedOutput<Tuple2<String, Integer>> first = newRun();
    for (int batch = 1; batch <= 4; batch++) {
      receiver.store(List.of("a", "b"));
      lastRun().runBatches(1);
    }
    lastRun().close();

    CollectedOutput<Tuple2<String, Integer>> second = newRun();
    receiver.store(List.of("a"));
    lastRun().runBatches(1);

    assertThat(TestData.asMap(first.batches().get(3))).containsEntry("a", 4).containsEntry("b", 4);
    assertThat(TestData.asMap(second.batches().get(second.batches().size() - 1)))
        .as("the counts after the restart include the four batches before it")
        .containsEntry("a", 5).containsEntry("b", 4);
  }
}

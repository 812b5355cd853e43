package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At least once with the receivers' write-ahead log: a batch that a restart runs again gets the blocks it
 * took before, whether it failed or its completion never reached a durable metadata checkpoint.
 */
class ReceiverWriteAheadLogAtLeastOnceTest {
  private static final StreamingConf WITH_LOG =
      new StreamingConf().set("dstream.receiver.writeAheadLog.enable", "true");

  @TempDir
  Path checkpoints;

  private static TestStreamingContext newContext() {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), WITH_LOG);
    return t;
  }

  @Test
  void aBatchWhoseCompletionNoCheckpointRecordedIsRunAgainWithItsBlocks() throws IOException {
    Path metadata = checkpoints.resolve("metadata");
    Path durableMetadata = checkpoints.resolve("metadata-durable");
    try (TestStreamingContext first = newContext()) {
      first.context().checkpoint(checkpoints.toString());
      CommandedReceiver receiver = new CommandedReceiver();
      CollectedOutput<String> out = first.collect(first.context().receiverStream(receiver));
      first.runBatches(0);
      // From now on no metadata checkpoint can be written: the durable one is that of the start.
      Files.move(metadata, durableMetadata);
      Files.writeString(metadata, "not a directory");
      receiver.store(List.of("a"));
      first.runBatches(1);
      receiver.store(List.of("b"));
      first.runBatches(1);
      assertThat(out.batches()).containsExactly(List.of("a"), List.of("b"));
    }
    Files.delete(metadata);
    Files.move(durableMetadata, metadata);

    try (TestStreamingContext second = newContext()) {
      CollectedOutput<String> out = second.collect(second.context().receiverStream(new CommandedReceiver()));
      assertThat(second.recoverFrom(checkpoints.toString())).isTrue();
      second.runBatches(2);

      assertThat(out.batches()).containsExactly(List.of("a"), List.of("b"));
    }
  }

  @Test
  void aFailedBatchIsRunAgainAfterARestartWithItsBlocks() {
    AtomicBoolean failNext = new AtomicBoolean(true);
    try (TestStreamingContext first = newContext()) {
      first.context().checkpoint(checkpoints.toString());
      CommandedReceiver receiver = new CommandedReceiver();
      first.context().receiverStream(receiver).foreachRDD(rdd -> {
        if (!rdd.isEmpty() && failNext.getAndSet(false)) {
          throw new IllegalStateException("the output is down");
        }
      });
      first.runBatches(0);
      receiver.store(List.of("a"));
      assertThatThrownBy(() -> first.runBatches(1)).hasRootCauseMessage("the output is down");
      first.runBatches(2);
    }

    try (TestStreamingContext second = newContext()) {
      CollectedOutput<String> out = second.collect(second.context().receiverStream(new CommandedReceiver()));
      assertThat(second.recoverFrom(checkpoints.toString())).isTrue();
      second.runBatches(0);

      assertThat(out.batches()).as("batch 1000, run again").containsExactly(List.of("a"));
    }
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A receiver's write-ahead log that lost a segment (deleted, or cut back to its header): recovery checks that
 * the log still holds every block of the batches it runs again, fails naming the missing ones, and with
 * {@code dstream.receiver.writeAheadLog.skipMissingBlocks} goes on with one ERROR that counts them.
 */
class ReceiverWriteAheadLogMissingDataTest {
  private static final StreamingConf WITH_LOG =
      new StreamingConf().set("dstream.receiver.writeAheadLog.enable", "true");

  @TempDir
  Path checkpoints;

  /** What happens to the segments. */
  enum Loss {
    DELETED {
      @Override
      void apply(Path segment) throws IOException {
        Files.delete(segment);
      }
    },
    CUT_BACK_TO_ITS_HEADER {
      @Override
      void apply(Path segment) throws IOException {
        Files.write(segment, Arrays.copyOf(Files.readAllBytes(segment), 8));
      }
    };

    abstract void apply(Path segment) throws IOException;
  }

  private static TestStreamingContext newContext(StreamingConf conf) {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf);
    return t;
  }

  /** Runs a context whose batch of 1000 ms takes one block of "a" and "b" and fails: a restart runs it again. */
  private void runAFirstContextWhoseBatchFails() {
    try (TestStreamingContext first = newContext(WITH_LOG)) {
      first.context().checkpoint(checkpoints.toString());
      CommandedReceiver receiver = new CommandedReceiver();
      first.context().receiverStream(receiver).foreachRDD(rdd -> {
        throw new IllegalStateException("the output is down");
      });
      first.runBatches(0);
      receiver.store(List.of("a", "b"));
      assertThatThrownBy(() -> first.runBatches(1)).hasRootCauseMessage("the output is down");
    }
  }

  private void loseEverySegment(Loss loss) throws IOException {
    try (Stream<Path> files = Files.walk(checkpoints.resolve("wal"))) {
      for (Path segment : files.filter(file -> file.getFileName().toString().startsWith("log-")).toList()) {
        loss.apply(segment);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Loss.class)
  void aLostSegmentFailsRecoveryNamingTheBlocksOfTheBatchesToRunAgain(Loss loss) throws IOException {
    runAFirstContextWhoseBatchFails();
    loseEverySegment(loss);

    try (TestStreamingContext second = newContext(WITH_LOG)) {
      second.collect(second.context().receiverStream(new CommandedReceiver()));
      assertThat(second.recoverFrom(checkpoints.toString())).isTrue();

      assertThatThrownBy(() -> second.runBatches(0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the write-ahead logs no longer hold 1 block(s) with 2 record(s), which the batches "
              + "to run again need")
          .hasMessageContaining("Missing blocks: input-0-0 of stream 0 (batch 1000 ms)")
          .hasMessageContaining("set dstream.receiver.writeAheadLog.skipMissingBlocks=true to recover without them");
    }
  }

  @Test
  void withSkipMissingBlocksRecoveryGoesOnWithOneErrorThatCountsThem() throws IOException {
    runAFirstContextWhoseBatchFails();
    loseEverySegment(Loss.DELETED);

    StreamingConf skipping = new StreamingConf().set("dstream.receiver.writeAheadLog.enable", "true")
        .set("dstream.receiver.writeAheadLog.skipMissingBlocks", "true");
    try (TestStreamingContext second = newContext(skipping);
        CapturedLog log = CapturedLog.of("io.dstream.internal.receiver.MissingBlocksCheck")) {
      CommandedReceiver receiver = new CommandedReceiver();
      CollectedOutput<String> out = second.collect(second.context().receiverStream(receiver));
      assertThat(second.recoverFrom(checkpoints.toString())).isTrue();
      second.runBatches(0);
      receiver.store(List.of("c"));
      second.runBatches(1);

      assertThat(log.messagesStartingWith("")).singleElement().asString()
          .startsWith("Recovering without 1 block(s) with 2 record(s): the write-ahead logs no longer hold them")
          .contains("input-0-0 of stream 0 (batch 1000 ms)");
      assertThat(out.batches()).last().isEqualTo(List.of("c"));
    }
  }
}

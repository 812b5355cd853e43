package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.internal.StreamingRuntime;
import io.dstream.receiver.internal.FailureSeries;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Failures that repeat (a source that stays down) and startup warnings do not flood or mislead the log. */
class RepeatedFailureLoggingTest {
  private static final String LOGGER = "io.dstream.test.FailureSeries";

  @TempDir
  Path checkpoints;

  @Test
  void aSeriesOfFailuresLogsOneWarningAndOneInfoWhenItEnds() {
    try (CapturedLog log = CapturedLog.of(LOGGER)) {
      FailureSeries connects = new FailureSeries(LoggerFactory.getLogger(LOGGER));
      for (int attempt = 0; attempt < 3; attempt++) {
        connects.failed("Could not connect", new IOException("connection refused"));
      }
      connects.succeeded("Connected");
      connects.succeeded("Connected");

      assertThat(log.messagesStartingWith("")).containsExactly(
          "Could not connect (further failures are logged at DEBUG until it succeeds)",
          "Connected after 3 failed attempts");
    }
  }

  @Test
  void aReceiverStreamWithTheWriteAheadLogIsNotSaidToKeepNoProgress() {
    StreamingConf withLog = new StreamingConf().set("dstream.receiver.writeAheadLog.enable", "true");
    try (CapturedLog log = CapturedLog.of(StreamingRuntime.class.getName());
        TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), withLog)) {
      t.context().checkpoint(checkpoints.toString());
      t.collect(t.context().receiverStream(new CommandedReceiver()));
      t.runBatches(0);

      assertThat(log.messagesStartingWith("")).noneMatch(message -> message.contains("keeps no progress")
          || message.contains("in memory only"));
    }
  }

  @Test
  void aReceiverStreamWithoutTheWriteAheadLogIsSaidToLoseWhatItHasNotProcessed() {
    try (CapturedLog log = CapturedLog.of(StreamingRuntime.class.getName());
        TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.context().checkpoint(checkpoints.toString());
      t.collect(t.context().receiverStream(new CommandedReceiver()));
      t.runBatches(0);

      assertThat(log.messagesStartingWith("")).anyMatch(message -> message.endsWith("keeps what it received in "
          + "memory only: a crash loses the blocks not yet processed (set dstream.receiver.writeAheadLog.enable "
          + "to log them)"));
    }
  }
}

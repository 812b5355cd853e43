package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.StreamingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StatefulNetworkWordCount}'s pipeline against a TCP server on the loopback interface, on the system
 * clock: the test runs it until a printed batch holds the running count of every word the server sent (plus
 * the initial counts), then stops it; the batches printed after that, with nothing new, keep those counts.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StatefulNetworkWordCountIT {
  @TempDir
  Path checkpoints;

  @Test
  void printsTheRunningCountsOfTheWordsTheServerSends() throws Exception {
    List<String> lines = SelfFeedingWordCount.generateLines(1, 40, 23).get(0);
    Map<String, Integer> expected = StatefulNetworkWordCountTest.withInitialCounts(PlainWordCount.count(lines));

    try (LoopbackServer server = LoopbackServer.start();
        PrintedBatches.Capture stdout = PrintedBatches.captureStdout()) {
      StreamingContext ssc = new StreamingContext(LoopbackServer.receiverConf("StatefulNetworkWordCountIT"),
          Durations.milliseconds(200));
      ssc.checkpoint(checkpoints.toString());
      StatefulNetworkWordCount.runningCounts(ssc.socketTextStream(server.host(), server.port())).print();
      CompletableFuture<Void> conversation =
          server.converseInBackground(() -> LoopbackServer.send(server.accept(), lines));

      boolean counted = BatchRunner.runUntil(ssc, () -> lastPrintedCounts(stdout.text()).equals(expected),
          Durations.minutes(1));

      conversation.join();
      assertThat(counted).as("a printed batch held every running count; printed:%n%s", stdout.text()).isTrue();
      assertThat(lastPrintedCounts(stdout.text())).as("the last batch, after the graceful stop")
          .isEqualTo(expected);
    }
  }

  private static Map<String, Integer> lastPrintedCounts(String printed) {
    List<PrintedBatches.Batch> batches = PrintedBatches.parse(printed);
    return batches.isEmpty() ? Map.of() : PrintedBatches.counts(batches.get(batches.size() - 1));
  }
}

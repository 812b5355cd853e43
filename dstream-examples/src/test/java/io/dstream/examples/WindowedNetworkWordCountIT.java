package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.StreamingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link WindowedNetworkWordCount}'s pipeline against a TCP server on the loopback interface, on the system
 * clock, with a window of five 200 ms batches sliding by one: the lines the server sends at once arrive
 * within a window, so some printed window counts them all; once they have left it, a window prints nothing.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WindowedNetworkWordCountIT {

  @Test
  void aPrintedWindowCountsEveryWordSentAndALaterOneIsEmpty() throws Exception {
    List<String> lines = SelfFeedingWordCount.generateLines(1, 25, 3).get(0);
    Map<String, Integer> expected = PlainWordCount.count(lines);

    try (LoopbackServer server = LoopbackServer.start();
        PrintedBatches.Capture stdout = PrintedBatches.captureStdout()) {
      StreamingContext ssc = new StreamingContext(
          LoopbackServer.receiverConf("WindowedNetworkWordCountIT"), Durations.milliseconds(200));
      DStream<String> received = ssc.socketTextStream(server.host(), server.port());
      WindowedNetworkWordCount.windowedWordCounts(received, Durations.seconds(1), Durations.milliseconds(200))
          .print();
      CompletableFuture<Void> conversation =
          server.converseInBackground(() -> LoopbackServer.send(server.accept(), lines));

      boolean seen = BatchRunner.runUntil(ssc, () -> aFullWindowThenAnEmptyOne(stdout.text(), expected),
          Durations.minutes(1));

      conversation.join();
      assertThat(seen).as("a window with every word, then an empty one; printed:%n%s", stdout.text()).isTrue();
    }
  }

  private static boolean aFullWindowThenAnEmptyOne(String printed, Map<String, Integer> expected) {
    List<PrintedBatches.Batch> windows = PrintedBatches.parse(printed);
    for (int i = 0; i < windows.size(); i++) {
      if (PrintedBatches.counts(windows.get(i)).equals(expected)) {
        return windows.subList(i + 1, windows.size()).stream().anyMatch(window -> window.records().isEmpty());
      }
    }
    return false;
  }
}

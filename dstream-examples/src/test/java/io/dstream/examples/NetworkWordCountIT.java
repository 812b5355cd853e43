package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.StreamingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link NetworkWordCount}'s pipeline against a TCP server on the loopback interface, on the system clock:
 * the test runs it until the printed counts add up to the words the server sent, then stops it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NetworkWordCountIT {

  @Test
  void printsTheCountsOfTheWordsTheServerSends() throws Exception {
    List<String> lines = SelfFeedingWordCount.generateLines(1, 40, 99).get(0);
    Map<String, Integer> expected = PlainWordCount.count(lines);

    try (LoopbackServer server = LoopbackServer.start();
        PrintedBatches.Capture stdout = PrintedBatches.captureStdout()) {
      StreamingContext ssc =
          new StreamingContext(LoopbackServer.receiverConf("NetworkWordCountIT"), Durations.milliseconds(200));
      NetworkWordCount.wordCounts(ssc, server.host(), server.port()).print();
      CompletableFuture<Void> conversation =
          server.converseInBackground(() -> LoopbackServer.send(server.accept(), lines));

      boolean counted = BatchRunner.runUntil(ssc,
          () -> PrintedBatches.summedCounts(stdout.text()).equals(expected), Durations.minutes(1));

      conversation.join();
      assertThat(counted).as("the printed counts added up to the words sent; printed:%n%s", stdout.text()).isTrue();
      assertThat(PrintedBatches.summedCounts(stdout.text())).as("after the graceful stop").isEqualTo(expected);
    }
  }
}

package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.StreamingContext;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerReceiverError;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link CustomReceiver} against a TCP server on the loopback interface, on the system clock: the test runs
 * the example's pipeline until the printed counts add up to the words the server sent, then stops it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CustomReceiverIT {

  @Test
  void printsTheCountsOfTheWordsTheServerSends() throws Exception {
    List<String> lines = SelfFeedingWordCount.generateLines(1, 40, 21).get(0);
    Map<String, Integer> expected = PlainWordCount.count(lines);

    try (LoopbackServer server = LoopbackServer.start();
        PrintedBatches.Capture stdout = PrintedBatches.captureStdout()) {
      StreamingContext ssc = newContext(server);
      CompletableFuture<Void> conversation =
          server.converseInBackground(() -> LoopbackServer.send(server.accept(), lines));

      boolean counted = BatchRunner.runUntil(ssc,
          () -> PrintedBatches.summedCounts(stdout.text()).equals(expected), Durations.minutes(1));

      conversation.join();
      assertThat(counted).as("the printed counts added up to the words sent; printed:%n%s", stdout.text()).isTrue();
    }
  }

  @Test
  void whenTheServerClosesTheConnectionTheReceiverRestartsConnectsAgainAndCountsOn() throws Exception {
    List<List<String>> lines = SelfFeedingWordCount.generateLines(2, 20, 22);
    List<String> allLines = new ArrayList<>(lines.get(0));
    allLines.addAll(lines.get(1));
    Map<String, Integer> expected = PlainWordCount.count(allLines);
    List<String> receiverErrors = new CopyOnWriteArrayList<>();

    try (LoopbackServer server = LoopbackServer.start();
        PrintedBatches.Capture stdout = PrintedBatches.captureStdout()) {
      StreamingContext ssc = newContext(server);
      ssc.addStreamingListener(new StreamingListener() {
        @Override
        public void onReceiverError(StreamingListenerReceiverError event) {
          receiverErrors.add(event.receiverInfo().lastErrorMessage().orElse("(no message)"));
        }
      });
      CompletableFuture<Void> conversation = server.converseInBackground(() -> {
        try (Socket first = server.accept()) {
          LoopbackServer.send(first, lines.get(0));
        }
        LoopbackServer.send(server.accept(), lines.get(1));
      });

      boolean counted = BatchRunner.runUntil(ssc,
          () -> PrintedBatches.summedCounts(stdout.text()).equals(expected), Durations.minutes(1));

      conversation.join();
      assertThat(counted).as("the printed counts of both connections; printed:%n%s", stdout.text()).isTrue();
      assertThat(receiverErrors).first().asString()
          .endsWith("the server at " + server.host() + ":" + server.port() + " closed the connection; connecting again");
    }
  }

  private static StreamingContext newContext(LoopbackServer server) {
    StreamingContext ssc =
        new StreamingContext(LoopbackServer.receiverConf("CustomReceiverIT"), Durations.milliseconds(200));
    CustomReceiver.wordCounts(ssc, server.host(), server.port()).print();
    return ssc;
  }
}

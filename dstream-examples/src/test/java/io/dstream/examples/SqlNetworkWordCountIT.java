package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.StreamingContext;
import io.dstream.sql.Row;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SqlNetworkWordCount}'s pipeline against a TCP server on the loopback interface, on the system clock: the
 * test runs it until the SQL counts of its batches add up to the words the server sent, then stops it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SqlNetworkWordCountIT {

  @Test
  void theSqlCountsOfTheBatchesAddUpToTheWordsTheServerSends() throws Exception {
    List<String> lines = SelfFeedingWordCount.generateLines(1, 40, 99).get(0);
    Map<String, Integer> expected = PlainWordCount.count(lines);
    Map<String, Integer> summed = new ConcurrentHashMap<>();

    try (LoopbackServer server = LoopbackServer.start()) {
      StreamingContext ssc =
          new StreamingContext(LoopbackServer.receiverConf("SqlNetworkWordCountIT"), Durations.milliseconds(200));
      SqlNetworkWordCount.countWithSql(ssc.socketTextStream(server.host(), server.port()), (counts, time) -> {
        for (Row row : counts.collectAsList()) {
          summed.merge(row.getString(0), Math.toIntExact(row.getLong(1)), Integer::sum);
        }
      });
      CompletableFuture<Void> conversation =
          server.converseInBackground(() -> LoopbackServer.send(server.accept(), lines));

      boolean counted = BatchRunner.runUntil(ssc, () -> summed.equals(expected), Durations.minutes(1));

      conversation.join();
      assertThat(counted).as("the SQL counts added up to the words sent; summed: %s", summed).isTrue();
      assertThat(summed).as("after the graceful stop").isEqualTo(expected);
    }
  }
}

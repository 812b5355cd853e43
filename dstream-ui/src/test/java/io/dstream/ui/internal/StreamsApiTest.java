package io.dstream.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.ReceiverInputDStream;
import io.dstream.StreamingConf;
import io.dstream.Tuple2;
import io.dstream.receiver.Receiver;
import io.dstream.testing.TestStreamingContext;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receivers, input streams and state streams of the JSON API; a receiver's error that tries to inject
 * markup comes back as the same text, escaped in the JSON. (Stream names cannot hold markup: {@code name()}
 * allows letters, digits, '.', '_' and '-' only.)
 */
class StreamsApiTest {
  static final String HOSTILE = "<script>alert(1)</script>";

  /** A receiver the test feeds; it reports an error as it starts. */
  private static final class FedReceiver extends Receiver<String> {
    private final CountDownLatch started = new CountDownLatch(1);

    FedReceiver() {
      super(Receiver.DEFAULT_STORAGE_LEVEL);
    }

    @Override
    public void onStart() {
      reportError("connection refused: " + HOSTILE, null);
      started.countDown();
    }

    /** Waits until onStart has reported its error, so that the error's time is the clock's before any batch. */
    void awaitStarted() throws InterruptedException {
      assertThat(started.await(20, TimeUnit.SECONDS)).as("the receiver started").isTrue();
    }

    @Override
    public void onStop() {}

    void push(List<String> records) {
      store(records);
    }
  }

  private static TestStreamingContext withStatusPage() {
    return TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().set("dstream.ui.enabled", "true").set("dstream.ui.port", "0"));
  }

  @Test
  void aReceiversStateAndLastErrorAppearAndAHostileMessageComesBackAsTheSameEscapedText() throws Exception {
    try (TestStreamingContext t = withStatusPage()) {
      FedReceiver receiver = new FedReceiver();
      ReceiverInputDStream<String> lines = t.context().receiverStream(receiver);
      lines.name("lines");
      t.collect(lines);
      t.runBatches(0);
      receiver.awaitStarted();
      List<String> records = List.of("a", "b", "c", "d", "e");
      receiver.push(records);
      t.runBatches(1);
      StatusPageClient client = StatusPageClient.of(t.context());

      HttpResponse<String> receiversResponse = client.get("/api/v1/receivers");
      HttpResponse<String> streamsResponse = client.get("/api/v1/inputStreams");

      JsonNode receiverJson = StatusPageClient.parse(receiversResponse.body()).get(0);
      assertThat(receiverJson.get("streamId").asInt()).isEqualTo(lines.id());
      assertThat(receiverJson.get("streamName").asText()).isEqualTo("lines");
      assertThat(receiverJson.get("name").asText()).contains("FedReceiver");
      assertThat(receiverJson.get("status").asText()).isEqualTo("active");
      assertThat(receiverJson.get("lastErrorMessage").asText()).isEqualTo("connection refused: " + HOSTILE);
      assertThat(receiverJson.get("lastErrorTimeMs").asLong()).isZero();
      assertThat(receiverJson.get("latestBatchRecords").asLong()).isEqualTo(records.size());
      JsonNode streamJson = StatusPageClient.parse(streamsResponse.body()).get(0);
      assertThat(streamJson.get("name").asText()).isEqualTo("lines");
      assertThat(streamJson.get("operation").asText()).isEqualTo("receiverStream");
      assertThat(streamJson.get("receiverStatus").asText()).isEqualTo("active");
      assertThat(streamJson.get("lastErrorMessage").asText()).isEqualTo("connection refused: " + HOSTILE);
      assertThat(streamJson.get("averageRecordsPerSecond").asDouble()).isCloseTo(records.size(), within(1e-9));
      assertThat(receiversResponse.body()).doesNotContain("<script>").contains("\\u003cscript\\u003e");
      assertThat(streamsResponse.body()).doesNotContain("<script>");
      assertThat(client.get("/").body()).doesNotContain("alert(1)");
    }
  }

  @Test
  void aStoppedReceiverIsShownInactive() {
    try (TestStreamingContext t = withStatusPage()) {
      FedReceiver receiver = new FedReceiver();
      t.collect(t.context().receiverStream(receiver));
      t.runBatches(0);
      receiver.stop("the source is exhausted");
      t.runBatches(1);

      JsonNode receiverJson = StatusPageClient.of(t.context()).json("/api/v1/receivers").get(0);

      assertThat(receiverJson.get("status").asText()).isEqualTo("inactive");
    }
  }

  @Test
  void stateStreamsShowTheKeysTheyHoldAsAPlainSetCountsThem(@TempDir Path checkpoints) {
    try (TestStreamingContext t = withStatusPage()) {
      t.context().checkpoint(checkpoints.toString());
      List<List<Tuple2<String, Integer>>> input = List.of(
          List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 1)), List.of(new Tuple2<>("c", 1), new Tuple2<>("a", 2)));
      PairDStream<String, Integer> sums = t.pairInputStream(input)
          .updateStateByKey((List<Integer> values, Optional<Integer> state) ->
              Optional.of(state.orElse(0) + values.stream().mapToInt(Integer::intValue).sum()));
      t.collect(sums);
      StatusPageClient client = null;
      Set<String> seen = new HashSet<>();
      for (List<Tuple2<String, Integer>> batch : input) {
        t.runBatches(1);
        batch.forEach(pair -> seen.add(pair._1()));
        client = client == null ? StatusPageClient.of(t.context()) : client;

        JsonNode state = client.json("/api/v1/stateStreams").get(0);

        assertThat(state.get("name").asText()).isEqualTo("updateStateByKey");
        assertThat(state.get("keys").asLong()).isEqualTo(seen.size());
      }
    }
  }
}

package io.dstream.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.InputDStream;
import io.dstream.StreamingConf;
import io.dstream.rdd.JobFailedException;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.testing.TestStreamingContext;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JSON API of a running context's status page, through the test kit: batches appear exactly as they run,
 * and every figure agrees with a plain computation from the input and from a listener's own batch infos.
 */
class StatusApiTest {
  private static final long INTERVAL_MS = 1000;

  private TestStreamingContext t;

  private TestStreamingContext context(StreamingConf conf) {
    t = TestStreamingContext.create(Durations.milliseconds(INTERVAL_MS),
        conf.set("dstream.ui.enabled", "true").set("dstream.ui.port", "0"));
    return t;
  }

  @AfterEach
  void close() {
    if (t != null) {
      t.close();
    }
  }

  /** Batches of random sizes, each record a random word. */
  private static List<List<String>> randomBatches(long seed, int batches) {
    Random random = new Random(seed);
    List<List<String>> input = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      input.add(IntStream.range(0, random.nextInt(40)).mapToObj(n -> "w" + random.nextInt(9)).toList());
    }
    return input;
  }

  /** A listener of our own that keeps every completed batch's info. */
  private static final class RecordedBatches implements StreamingListener {
    final List<BatchInfo> completed = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onBatchCompleted(StreamingListenerBatchCompleted event) {
      completed.add(event.batchInfo());
    }
  }

  private static List<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  @Test
  void afterNBatchesTheApiListsExactlyNCompletedBatchesNewestFirstWithTheRecordsOfTheInput() {
    List<List<String>> input = randomBatches(11, 7);
    context(new StreamingConf());
    t.collect(t.inputStream(input).map(String::length));
    t.runBatches(input.size());

    List<JsonNode> batches = elements(StatusPageClient.of(t.context()).json("/api/v1/batches"));

    assertThat(batches).hasSize(input.size());
    for (int i = 0; i < input.size(); i++) {
      JsonNode batch = batches.get(input.size() - 1 - i);
      assertThat(batch.get("batchTimeMs").asLong()).isEqualTo((i + 1) * INTERVAL_MS);
      assertThat(batch.get("records").asLong()).isEqualTo(input.get(i).size());
      assertThat(batch.get("status").asText()).isEqualTo("succeeded");
      assertThat(batch.get("failureReason").isNull()).isTrue();
    }
  }

  @Test
  void statisticsAgreeWithAPlainComputationFromTheBatchInfosOfAListener() {
    List<List<String>> input = randomBatches(23, 9);
    context(new StreamingConf());
    RecordedBatches recorded = new RecordedBatches();
    t.context().addStreamingListener(recorded);
    // Each batch's job moves the manual clock by a different amount, so processing times differ.
    t.inputStream(input).foreachRDD(rdd -> t.clock().advance(rdd.count() * 3 + 1));
    t.runBatches(input.size());

    JsonNode stats = StatusPageClient.of(t.context()).json("/api/v1/statistics");

    List<BatchInfo> infos = recorded.completed;
    assertThat(stats.get("startTimeMs").asLong()).isZero();
    assertThat(stats.get("batchIntervalMs").asLong()).isEqualTo(INTERVAL_MS);
    assertThat(stats.get("batchesCompleted").asLong()).isEqualTo(infos.size());
    assertThat(stats.get("failedBatches").asLong()).isZero();
    assertThat(stats.get("recordsProcessed").asLong())
        .isEqualTo(infos.stream().mapToLong(BatchInfo::numRecords).sum())
        .isEqualTo(input.stream().mapToLong(List::size).sum());
    assertThat(stats.get("averageProcessingTimeMs").asDouble())
        .isCloseTo(infos.stream().mapToLong(b -> b.processingDelay().orElseThrow()).average().orElseThrow(),
            within(1e-9));
    assertThat(stats.get("averageSchedulingDelayMs").asDouble())
        .isCloseTo(infos.stream().mapToLong(b -> b.schedulingDelay().orElseThrow()).average().orElseThrow(),
            within(1e-9));
    assertThat(stats.get("averageTotalDelayMs").asDouble())
        .isCloseTo(infos.stream().mapToLong(b -> b.totalDelay().orElseThrow()).average().orElseThrow(),
            within(1e-9));
    assertThat(stats.get("averageInputRecordsPerSecond").asDouble())
        .isCloseTo(infos.stream().mapToLong(BatchInfo::numRecords).sum() * 1000.0 / (infos.size() * INTERVAL_MS),
            within(1e-9));
    assertThat(stats.get("activeBatches").asInt()).isZero();
    assertThat(stats.get("url").asText()).isEqualTo(t.context().uiWebUrl().orElseThrow());
    assertThat(infos.stream().map(b -> b.processingDelay().orElseThrow()).distinct().count()).isGreaterThan(1);
  }

  @Test
  void aFailingOutputOperationShowsAsAFailedBatchWithTheUsersMessage() {
    context(new StreamingConf());
    t.inputStream(List.of(List.of(1), List.of(2), List.of(3))).foreachRDD(rdd -> {
      if (rdd.collect().contains(2)) {
        throw new IllegalStateException("record 2 is <b>not</b> welcome");
      }
    });
    t.runBatches(1);
    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class);
    t.runBatches(1);
    StatusPageClient client = StatusPageClient.of(t.context());

    JsonNode failed = client.json("/api/v1/batches/2000");
    List<JsonNode> failedOnly = elements(client.json("/api/v1/batches?status=failed"));
    JsonNode stats = client.json("/api/v1/statistics");

    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("failureReason").asText()).contains("record 2 is <b>not</b> welcome");
    JsonNode operation = failed.get("outputOperations").get(0);
    assertThat(operation.get("name").asText()).isEqualTo("foreachRDD");
    assertThat(operation.get("status").asText()).isEqualTo("failed");
    assertThat(operation.get("failureReason").asText())
        .isEqualTo("java.lang.IllegalStateException: record 2 is <b>not</b> welcome");
    assertThat(client.json("/api/v1/batches/3000").get("status").asText()).isEqualTo("succeeded");
    assertThat(client.json("/api/v1/batches/3000").get("outputOperations").get(0).get("failureReason").isNull())
        .isTrue();
    assertThat(failedOnly).extracting(b -> b.get("batchTimeMs").asLong()).containsExactly(2000L);
    assertThat(stats.get("failedBatches").asLong()).isEqualTo(1);
    assertThat(stats.get("batchesCompleted").asLong()).isEqualTo(3);
  }

  @Test
  void retainedBatchesBoundsTheListWhileTheTotalsCountEveryBatch() {
    List<List<String>> input = randomBatches(5, 8);
    context(new StreamingConf().set("dstream.ui.retainedBatches", "3"));
    t.collect(t.inputStream(input));
    t.runBatches(input.size());
    StatusPageClient client = StatusPageClient.of(t.context());

    List<JsonNode> batches = elements(client.json("/api/v1/batches"));
    JsonNode stats = client.json("/api/v1/statistics");

    assertThat(batches).extracting(b -> b.get("batchTimeMs").asLong()).containsExactly(8000L, 7000L, 6000L);
    assertThat(stats.get("retainedBatches").asInt()).isEqualTo(3);
    assertThat(stats.get("batchesCompleted").asLong()).isEqualTo(input.size());
    assertThat(stats.get("recordsProcessed").asLong()).isEqualTo(input.stream().mapToLong(List::size).sum());
    assertThat(client.get("/api/v1/batches/1000").statusCode()).isEqualTo(404);
  }

  @Test
  void theBatchListTakesALimitAndAStatusAndRefusesBadOnesWithAJsonError() {
    context(new StreamingConf());
    t.collect(t.inputStream(randomBatches(3, 5)));
    t.runBatches(5);
    StatusPageClient client = StatusPageClient.of(t.context());

    assertThat(elements(client.json("/api/v1/batches?limit=2"))).extracting(b -> b.get("batchTimeMs").asLong())
        .containsExactly(5000L, 4000L);
    assertThat(elements(client.json("/api/v1/batches?status=completed&limit=10"))).hasSize(5);
    assertThat(elements(client.json("/api/v1/batches?status=active"))).isEmpty();
    for (String bad : List.of("/api/v1/batches?limit=0", "/api/v1/batches?limit=x", "/api/v1/batches?status=odd")) {
      HttpResponse<String> response = client.get(bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(StatusPageClient.parse(response.body()).get("error").asText()).isNotBlank();
    }
  }

  @Test
  void anUnknownBatchGives404WithAJsonError() {
    context(new StreamingConf());
    t.collect(t.inputStream(List.of(List.of(1))));
    t.runBatches(1);
    StatusPageClient client = StatusPageClient.of(t.context());

    for (String path : List.of("/api/v1/batches/1234", "/api/v1/batches/soon")) {
      HttpResponse<String> response = client.get(path);
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
      assertThat(StatusPageClient.parse(response.body()).get("error").asText()).contains("no active or retained");
    }
  }

  @Test
  void inputStreamsShowTheirNamesOperationsLatestRecordsAndAverageRate() {
    List<List<String>> input = randomBatches(31, 6);
    context(new StreamingConf());
    DStream<String> words = t.inputStream(input);
    words.name("words");
    t.collect(words);
    t.runBatches(input.size());

    List<JsonNode> streams = elements(StatusPageClient.of(t.context()).json("/api/v1/inputStreams"));

    assertThat(streams).hasSize(1);
    JsonNode stream = streams.get(0);
    assertThat(stream.get("id").asInt()).isEqualTo(((InputDStream<String>) words).id());
    assertThat(stream.get("name").asText()).isEqualTo("words");
    assertThat(stream.get("operation").asText()).isEqualTo("queueStream");
    assertThat(stream.get("receiverStatus").isNull()).isTrue();
    assertThat(stream.get("latestBatchRecords").asLong()).isEqualTo(input.get(input.size() - 1).size());
    assertThat(stream.get("averageRecordsPerSecond").asDouble()).isCloseTo(
        input.stream().mapToLong(List::size).sum() * 1000.0 / (input.size() * INTERVAL_MS), within(1e-9));
  }
}

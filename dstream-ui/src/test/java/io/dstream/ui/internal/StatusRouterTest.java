package io.dstream.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dstream.CapturedLog;
import io.dstream.Time;
import io.dstream.internal.RuntimeStatus;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The router behind a real server: how it reads paths and query parameters, and what a failure inside a
 * handler gives (500, logged once, nothing of it sent to the client, the server answering on).
 */
class StatusRouterTest {
  private static final int BATCHES = 4;
  private static final String INTERNAL_DETAIL = "secret internal detail 42";

  private final StatusStore store = new StatusStore(1000, 100);
  private final RuntimeStatus runtime = mock(RuntimeStatus.class);
  private StatusServer server;
  private StatusPageClient client;

  @BeforeEach
  void start() throws IOException {
    IntStream.rangeClosed(1, BATCHES).forEach(i -> store.onBatchCompleted(new StreamingListenerBatchCompleted(
        new BatchInfo(new Time(i * 1000L), Map.of(0, 2L), i * 1000L, Optional.of(i * 1000L + 1),
            Optional.of(i * 1000L + 5), Map.of()))));
    server = StatusServer.bind("127.0.0.1", 0);
    server.start(new StatusRouter(new StatusApi(store, runtime, server.url()), PageResources.load()));
    client = StatusPageClient.of(server.url());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anIllegalArgumentExceptionInsideAHandlerIsAServerErrorLoggedOnceAndNotShownToTheClient() {
    when(runtime.blocksWaiting()).thenThrow(new IllegalArgumentException(INTERNAL_DETAIL));
    assertServerErrorLoggedOnce("/api/v1/statistics");
  }

  @Test
  void anyOtherRuntimeExceptionInsideAHandlerIsAServerErrorLoggedOnceAndNotShownToTheClient() {
    when(runtime.inputStreams()).thenThrow(new IllegalStateException(INTERNAL_DETAIL));
    assertServerErrorLoggedOnce("/api/v1/inputStreams");
  }

  private void assertServerErrorLoggedOnce(String path) {
    try (CapturedLog log = CapturedLog.of(StatusRouter.class.getName())) {
      HttpResponse<String> failed = client.get(path);

      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).doesNotContain(INTERNAL_DETAIL).doesNotContain("at io.dstream");
      assertThat(StatusPageClient.parse(failed.body()).get("status").asInt()).isEqualTo(500);
      assertThat(log.messagesAt("WARN")).singleElement().asString().contains(path);
      assertThat(client.get("/api/v1/batches").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aTrailingSlashNamesTheSameDocument() {
    assertThat(client.get("/api/v1/batches/").body()).isEqualTo(client.get("/api/v1/batches").body());
    assertThat(client.get("/api/v1/stateStreams/").statusCode()).isEqualTo(200);
    assertThat(client.get("/api/v1/batches/1000/").body()).isEqualTo(client.get("/api/v1/batches/1000").body());
  }

  @Test
  void anUnknownPathIsNamedAsItWasAskedFor() {
    HttpResponse<String> response = client.get("/api/v1/a+b%20c");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(StatusPageClient.parse(response.body()).get("error").asText()).contains("/api/v1/a+b c");
  }

  @Test
  void aLimitBeyondTheIntegersIsNoLimitAndANegativeOneIsRefused() {
    for (String huge : List.of("2147483648", "99999999999999999999999")) {
      HttpResponse<String> response = client.get("/api/v1/batches?limit=" + huge);
      assertThat(response.statusCode()).as(huge).isEqualTo(200);
      assertThat(StatusPageClient.parse(response.body()).size()).isEqualTo(BATCHES);
    }
    for (String bad : List.of("-1", "-99999999999999999999999", "1.5", "")) {
      HttpResponse<String> response = client.get("/api/v1/batches?limit=" + bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(StatusPageClient.parse(response.body()).get("error").asText()).contains("limit");
    }
  }

  @Test
  void aHeadRequestGetsTheContentLengthOfTheGetAndNoBody() {
    for (String path : List.of("/", "/static/status.js", "/api/v1/batches", "/api/v1/nothing")) {
      HttpResponse<String> get = client.get(path);
      HttpResponse<String> head = client.send("HEAD", path);

      assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
      assertThat(head.body()).isEmpty();
      assertThat(head.headers().firstValueAsLong("Content-Length")).as(path)
          .hasValue(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
  }
}

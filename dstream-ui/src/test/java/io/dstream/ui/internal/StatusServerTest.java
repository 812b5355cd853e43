package io.dstream.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dstream.CapturedLog;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.receiver.Receiver;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The status server's life and its defences: not started unless enabled, on loopback by default, the next
 * free port when one is taken, closed with the context; 404, 405 and protective headers on every answer.
 */
class StatusServerTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private static TestStreamingContext started(StreamingConf conf) {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf.set("dstream.ui.enabled", "true"));
    t.collect(t.inputStream(List.of(List.of(1))));
    t.runBatches(0);
    return t;
  }

  private static TestStreamingContext startedOnAnyPort() {
    return started(new StreamingConf().set("dstream.ui.port", "0"));
  }

  /** Whether a thread of a status server runs: its request threads, or the JDK server's dispatcher. */
  private static boolean anyStatusServerThread() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .anyMatch(name -> name.startsWith("dstream-ui") || name.equals("HTTP-Dispatcher"));
  }

  private static boolean accepts(URI url) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
      return true;
    } catch (ConnectException refused) {
      return false;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void withoutTheKeyNoServerStartsAndNoPortIsOpened() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.collect(t.inputStream(List.of(List.of(1))));
      t.runBatches(1);

      assertThat(t.context().uiWebUrl()).isEmpty();
      assertThat(anyStatusServerThread()).isFalse();
    }
  }

  @Test
  void itListensOnLoopbackByDefaultLogsItsUrlAndClosesItsPortWhenTheContextStops() {
    URI url;
    try (CapturedLog log = CapturedLog.of(StatusPageExtension.class.getName());
        TestStreamingContext t = startedOnAnyPort()) {
      StatusPageClient client = StatusPageClient.of(t.context());
      url = client.base();

      assertThat(url.getHost()).isEqualTo("127.0.0.1");
      assertThat(InetAddress.getByName(url.getHost()).isLoopbackAddress()).isTrue();
      assertThat(url.getPort()).isPositive();
      assertThat(accepts(url)).isTrue();
      assertThat(client.get("/").statusCode()).isEqualTo(200);
      assertThat(log.messagesAt("INFO")).anyMatch(message -> message.contains(url.toString()));
      assertThat(anyStatusServerThread()).isTrue();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(accepts(url)).isFalse();
    assertThat(anyStatusServerThread()).isFalse();
  }

  @Test
  void theUrlIsForgottenWhenTheContextStops() {
    TestStreamingContext t = startedOnAnyPort();
    assertThat(t.context().uiWebUrl()).isPresent();

    t.close();

    assertThat(t.context().uiWebUrl()).isEmpty();
  }

  @Test
  void aTakenPortMakesItTryTheNextOnes() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK);
        TestStreamingContext t = started(new StreamingConf().set("dstream.ui.port",
            Integer.toString(taken.getLocalPort())))) {
      int port = StatusPageClient.of(t.context()).base().getPort();

      assertThat(port).isGreaterThan(taken.getLocalPort())
          .isLessThan(taken.getLocalPort() + StatusServer.PORT_ATTEMPTS);
    }
  }

  @Test
  void whenEveryPortToTryIsTakenItFailsNamingTheKey() throws IOException {
    List<ServerSocket> taken = takeConsecutivePorts(StatusServer.PORT_ATTEMPTS);
    try {
      int first = taken.get(0).getLocalPort();

      assertThatThrownBy(() -> StatusServer.bind("127.0.0.1", first))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("dstream.ui.port")
          .hasMessageContaining(first + " to " + (first + StatusServer.PORT_ATTEMPTS - 1))
          .hasMessageContaining("0 for any free port");
    } finally {
      for (ServerSocket socket : taken) {
        socket.close();
      }
    }
  }

  /** Binds {@code n} consecutive loopback ports, starting from ports the system hands out. */
  private static List<ServerSocket> takeConsecutivePorts(int n) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base;
      try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
        base = probe.getLocalPort();
      }
      List<ServerSocket> sockets = new ArrayList<>();
      try {
        for (int port = base; port < base + n && port <= 65_535; port++) {
          sockets.add(new ServerSocket(port, 1, LOOPBACK));
        }
      } catch (IOException inUse) {
        // Another port of the range is taken: try another range.
      }
      if (sockets.size() == n) {
        return sockets;
      }
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
    throw new AssertionError("found no " + n + " consecutive free ports");
  }

  /** A receiver that stores nothing: enough to make a context need its receivers' write-ahead log. */
  private static final class IdleReceiver extends Receiver<String> {
    IdleReceiver() {
      super(Receiver.DEFAULT_STORAGE_LEVEL);
    }

    @Override
    public void onStart() {}

    @Override
    public void onStop() {}
  }

  @Test
  void whenAStartStepAfterThePagesStartFailsThePortIsClosedAndTheUrlForgotten() {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), new StreamingConf()
        .set("dstream.ui.enabled", "true").set("dstream.ui.port", "0")
        .set("dstream.receiver.writeAheadLog.enable", "true"));
    try (CapturedLog log = CapturedLog.of(StatusPageExtension.class.getName())) {
      t.collect(t.context().receiverStream(new IdleReceiver()));

      // The write-ahead log needs a checkpoint directory: that check comes after the extensions started.
      assertThatThrownBy(() -> t.runBatches(0)).hasMessageContaining("checkpoint directory");

      String logged = log.messagesAt("INFO").stream().filter(message -> message.startsWith("Status page of"))
          .findFirst().orElseThrow(() -> new AssertionError("the page did not start before the failing step"));
      URI url = URI.create(logged.substring(logged.indexOf("http://")));
      assertThat(accepts(url)).isFalse();
      assertThat(t.context().uiWebUrl()).isEmpty();
      assertThat(anyStatusServerThread()).isFalse();
    } finally {
      t.close();
    }
  }

  @Test
  void aContextStartedAfterAnotherStoppedGetsTheSamePortAgain() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
      port = probe.getLocalPort();
    }
    for (int context = 0; context < 2; context++) {
      try (TestStreamingContext t = started(new StreamingConf().set("dstream.ui.port", Integer.toString(port)))) {
        StatusPageClient client = StatusPageClient.of(t.context());

        assertThat(client.base().getPort()).isEqualTo(port);
        assertThat(client.get("/api/v1/statistics").statusCode()).isEqualTo(200);
      }
    }
    assertThat(anyStatusServerThread()).isFalse();
  }

  @Test
  void portsFoundTakenLeaveNoOpenFileBehind() throws IOException {
    Path openFiles = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(openFiles), "counts open files through /proc/self/fd (Linux)");
    int rounds = 3;
    List<ServerSocket> taken = new ArrayList<>(takeConsecutivePorts(StatusServer.PORT_ATTEMPTS));
    // The last port to try is free again: the server is bound there after finding every other one taken.
    taken.remove(taken.size() - 1).close();
    try {
      long before = count(openFiles);
      for (int round = 0; round < rounds; round++) {
        StatusServer.bind("127.0.0.1", taken.get(0).getLocalPort()).close();
      }
      long after = count(openFiles);

      // One leaked socket per taken port would be 3 * 15; allow a few files opened meanwhile by the JVM.
      assertThat(after - before).isLessThan(StatusServer.PORT_ATTEMPTS - 1);
    } finally {
      for (ServerSocket socket : taken) {
        socket.close();
      }
    }
  }

  @Test
  void aServerClosedWithoutEverStartingFreesItsPort() throws IOException {
    StatusServer server = StatusServer.bind("127.0.0.1", 0);
    int port = server.address().getPort();

    server.close();

    try (ServerSocket again = new ServerSocket(port, 1, LOOPBACK)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
    assertThat(anyStatusServerThread()).isFalse();
  }

  private static long count(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.count();
    }
  }

  @Test
  void anUnresolvableHostFailsTheStartNamingTheKey() {
    assertThatThrownBy(() -> StatusServer.bind("no-such-host.invalid", 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dstream.ui.host");
  }

  @Test
  void unknownPathsGive404AndOtherMethodsThanGetGive405WithAllowAndEveryAnswerCarriesTheProtectiveHeaders() {
    try (TestStreamingContext t = startedOnAnyPort()) {
      StatusPageClient client = StatusPageClient.of(t.context());

      HttpResponse<String> unknown = client.get("/admin");
      HttpResponse<String> outside = client.get("/static/../../../etc/passwd");
      List<HttpResponse<String>> refused = List.of(client.send("POST", "/api/v1/statistics"),
          client.send("PUT", "/"), client.send("DELETE", "/api/v1/batches"), client.send("OPTIONS", "/"));
      HttpResponse<String> head = client.send("HEAD", "/api/v1/statistics");

      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(StatusPageClient.parse(unknown.body()).get("error").asText()).contains("/admin");
      assertThat(outside.statusCode()).isEqualTo(404);
      for (HttpResponse<String> response : refused) {
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
      }
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      List<HttpResponse<String>> all = new ArrayList<>(refused);
      all.addAll(List.of(unknown, outside, head, client.get("/"), client.get("/api/v1/batches")));
      for (HttpResponse<String> response : all) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
            .startsWith("default-src 'self'").doesNotContain("unsafe");
      }
    }
  }

  @Test
  void thePageItsScriptAndStyleAndTheApiAreServedWithTheirContentTypes() {
    try (TestStreamingContext t = startedOnAnyPort()) {
      StatusPageClient client = StatusPageClient.of(t.context());

      HttpResponse<String> html = client.get("/");
      HttpResponse<String> script = client.get("/static/status.js");
      HttpResponse<String> style = client.get("/static/status.css");
      HttpResponse<String> api = client.get("/api/v1/statistics");

      assertThat(List.of(html, script, style, api)).allMatch(response -> response.statusCode() == 200);
      assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
      assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
      assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
      assertThat(html.body()).contains("<script src=\"/static/status.js\"", "href=\"/static/status.css\"",
          "id=\"completed-batches\"", "id=\"last-refresh\"", "data-chart=\"processingTime\"");
      assertThat(script.body()).contains("fetch(API + path");
      assertThat(style.body()).contains("#batch-detail");
    }
  }
}

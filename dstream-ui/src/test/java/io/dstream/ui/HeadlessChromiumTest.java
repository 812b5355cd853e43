package io.dstream.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The browser harness itself, against small pages served by the JDK's HTTP server on loopback. */
@EnabledIf(value = HeadlessChromium.AVAILABLE, disabledReason = HeadlessChromium.MISSING)
class HeadlessChromiumTest {
  private static final Path WORK = Path.of("target", "headless-chromium-test");
  /** Adds one item every 20 ms, up to 5, as a page that renders what it fetched does. */
  private static final String GROWING_LIST = "<!doctype html><html><body><ul id='list'></ul><script>"
      + "let n = 0;"
      + "const add = () => {"
      + "  const item = document.createElement('li');"
      + "  item.textContent = 'item ' + (++n);"
      + "  document.getElementById('list').appendChild(item);"
      + "  if (n < 5) { setTimeout(add, 20); }"
      + "};"
      + "setTimeout(add, 20);"
      + "</script></body></html>";
  private static final String BROKEN = "<!doctype html><html><body><script>null.missing = 1;</script></body></html>";

  private static HttpServer server;
  /** Shared by the tests that only load pages: a start takes seconds on a busy machine. */
  private static HeadlessChromium chromium;

  @BeforeAll
  static void serveAndLaunch() throws IOException, InterruptedException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/list", exchange -> respond(exchange, GROWING_LIST));
    server.createContext("/broken", exchange -> respond(exchange, BROKEN));
    server.start();
    chromium = HeadlessChromium.launch(WORK, 640, 480);
  }

  private static void respond(HttpExchange exchange, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    server.stop(0);
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void waitsUntilThePageHasRenderedWhatItAddsLaterAndReadsItsDom() throws Exception {
    chromium.navigate(url("/list"));
    chromium.awaitTrue("document.querySelectorAll('#list li').length === 5", Duration.ofSeconds(10));

    List<String> items = new ArrayList<>();
    chromium.evaluate("[...document.querySelectorAll('#list li')].map(li => li.textContent)")
        .forEach(item -> items.add(item.asText()));
    assertThat(items).isEqualTo(IntStream.rangeClosed(1, 5).mapToObj(i -> "item " + i).toList());
    assertThat(chromium.pageExceptions()).isEmpty();
  }

  @Test
  void aConditionThatNeverHoldsFailsAfterItsTimeoutNamingThePagesExceptions() throws Exception {
    chromium.navigate(url("/broken"));

    assertThatThrownBy(() -> chromium.awaitTrue("document.title === 'never'", Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("document.title === 'never'")
        .hasMessageContaining("TypeError");
  }

  @Test
  void anExpressionThatThrowsFailsWithItsError() throws Exception {
    chromium.navigate(url("/list"));

    assertThatThrownBy(() -> chromium.evaluate("undefinedFunction()"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ReferenceError");
  }

  @Test
  void aScreenshotIsAPngOfTheViewportsSize() throws Exception {
    Path png = WORK.resolve("list.png");
    Files.deleteIfExists(png);
    chromium.navigate(url("/list"));
    chromium.screenshot(png);

    try (DataInputStream in = new DataInputStream(Files.newInputStream(png))) {
      byte[] signature = in.readNBytes(8);
      assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
      in.readInt();
      assertThat(new String(in.readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("IHDR");
      assertThat(in.readInt()).as("width").isEqualTo(640);
      assertThat(in.readInt()).as("height").isEqualTo(480);
    }
  }

  @Test
  void closeEndsTheBrowserAndEveryProcessItStartedAndRemovesItsProfile() throws Exception {
    List<ProcessHandle> before = ProcessHandle.current().children().toList();
    List<ProcessHandle> browserProcesses;
    try (HeadlessChromium own = HeadlessChromium.launch(WORK.resolve("own"), 800, 600)) {
      own.navigate(url("/list"));
      browserProcesses = ProcessHandle.current().children()
          .filter(child -> !before.contains(child))
          .flatMap(child -> Stream.concat(Stream.of(child), child.descendants())).toList();
      assertThat(browserProcesses).as("the browser and its renderer, GPU and utility processes")
          .hasSizeGreaterThan(1);
    }

    assertThat(browserProcesses).noneMatch(ProcessHandle::isAlive);
    try (Stream<Path> left = Files.list(WORK.resolve("own"))) {
      assertThat(left).noneMatch(file -> file.getFileName().toString().startsWith("chromium-"));
    }
  }
}

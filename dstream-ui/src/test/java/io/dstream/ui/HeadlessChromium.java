package io.dstream.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A headless Chromium for tests, with one page, driven over the Chrome DevTools Protocol: it starts the
 * browser with {@code --remote-debugging-port=0}, reads the port it chose from {@code DevToolsActivePort} in
 * its fresh profile directory, and talks to it over the JDK's WebSocket. No WebDriver, no dependency.
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.launch(Path.of("target"), 1280, 1600)) {
 *   chromium.navigate("http://127.0.0.1:4040/");
 *   chromium.awaitTrue("document.querySelectorAll('tr').length > 2", Duration.ofSeconds(10));
 *   chromium.screenshot(Path.of("target/page.png"));
 * }
 * }</pre>
 *
 * <p>The browser is Debian's {@code chromium} ({@code /usr/bin/chromium}, which {@code .ci/run} installs when
 * missing) or the one the {@code DSTREAM_CHROMIUM} environment variable names. Without either, a test class
 * marked {@code @EnabledIf(value = HeadlessChromium.AVAILABLE, disabledReason = HeadlessChromium.MISSING)} is
 * reported as skipped with that reason (and {@link #launch} aborts a test that is not marked).
 * {@link #close()} kills the browser and every process it started.
 */
public final class HeadlessChromium implements AutoCloseable {
  /** The environment variable that names another Chromium binary. */
  public static final String BINARY_VARIABLE = "DSTREAM_CHROMIUM";

  /** The {@code @EnabledIf} condition of a browser test: {@link #available()}. */
  public static final String AVAILABLE = "io.dstream.ui.HeadlessChromium#available";
  /** Why a browser test is skipped when there is no Chromium. */
  public static final String MISSING = "no Chromium: neither /usr/bin/chromium (Debian's chromium package, which "
      + ".ci/run installs) nor the DSTREAM_CHROMIUM environment variable; skipping the browser test";

  private static final Path DEBIAN_BINARY = Path.of("/usr/bin/chromium");
  /**
   * Headless, and quiet on the network: without the background-networking flags Chromium keeps calling
   * Google's services, which a closed CI network refuses. No sandbox, because CI runs as root.
   */
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--remote-debugging-port=0");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final String REQUEST_PAUSED = "Fetch.requestPaused";

  private final Process process;
  private final Path profile;
  private final DevToolsConnection devTools;
  private final String session;

  private HeadlessChromium(Process process, Path profile, DevToolsConnection devTools, String session) {
    this.process = process;
    this.profile = profile;
    this.devTools = devTools;
    this.session = session;
  }

  /**
   * Returns the Chromium binary to use: the one {@code DSTREAM_CHROMIUM} names, else Debian's.
   *
   * @return the binary, or empty if neither is there
   * @throws IllegalStateException if {@code DSTREAM_CHROMIUM} names a file that cannot be run
   */
  public static Optional<Path> binary() {
    String named = System.getenv(BINARY_VARIABLE);
    if (named != null && !named.isBlank()) {
      Path path = Path.of(named);
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException(BINARY_VARIABLE + "=" + named + " is not an executable file; "
            + "point it at a Chromium or Chrome binary, or unset it to use " + DEBIAN_BINARY);
      }
      return Optional.of(path);
    }
    return Files.isExecutable(DEBIAN_BINARY) ? Optional.of(DEBIAN_BINARY) : Optional.empty();
  }

  /**
   * Returns whether there is a Chromium to run, for a test class's
   * {@code @EnabledIf(value = HeadlessChromium.AVAILABLE, disabledReason = HeadlessChromium.MISSING)}, which
   * reports the tests as skipped with that reason.
   *
   * @return whether {@link #binary()} found one
   * @throws IllegalStateException if {@code DSTREAM_CHROMIUM} names a file that cannot be run
   */
  public static boolean available() {
    return binary().isPresent();
  }

  /**
   * Starts a headless Chromium with a new empty profile under {@code workDirectory} and opens one blank page of
   * the given viewport size. Skips the calling test (a JUnit assumption) when there is no Chromium.
   *
   * @param workDirectory where the browser's profile goes (removed by {@link #close()}), such as
   *     {@code target}
   * @param width the viewport's width in CSS pixels
   * @param height the viewport's height in CSS pixels
   * @return the browser; close it
   * @throws IOException if the browser cannot be started or does not open its DevTools port within 30 seconds
   * @throws InterruptedException if interrupted while it starts
   */
  public static HeadlessChromium launch(Path workDirectory, int width, int height)
      throws IOException, InterruptedException {
    Optional<Path> binary = binary();
    Assumptions.assumeTrue(binary.isPresent(), MISSING);
    Files.createDirectories(workDirectory);
    Path profile = Files.createTempDirectory(workDirectory.toAbsolutePath(), "chromium-");
    List<String> command = new ArrayList<>();
    command.add(binary.get().toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile);
    command.add("about:blank");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile()).start();
    try {
      DevToolsConnection devTools = DevToolsConnection.open(devToolsEndpoint(process, profile));
      String target = devTools.send(null, "Target.createTarget", Map.of("url", "about:blank"), COMMAND_TIMEOUT)
          .get("targetId").asText();
      String session = devTools.send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true),
          COMMAND_TIMEOUT).get("sessionId").asText();
      HeadlessChromium chromium = new HeadlessChromium(process, profile, devTools, session);
      chromium.command("Runtime.enable", Map.of());
      chromium.command("Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
      return chromium;
    } catch (IOException | RuntimeException | InterruptedException e) {
      kill(process);
      deleteRecursively(profile);
      throw e;
    }
  }

  /**
   * Waits until the browser wrote the port it listens on (the first line of {@code DevToolsActivePort}, the
   * second is the browser endpoint's path), or fails if it exits first.
   */
  private static URI devToolsEndpoint(Process process, Path profile) throws IOException, InterruptedException {
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      List<String> lines = Files.exists(portFile) ? Files.readAllLines(portFile) : List.of();
      if (lines.size() >= 2 && !lines.get(1).isBlank()) {
        return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
      }
      try {
        process.onExit().get(50, TimeUnit.MILLISECONDS);
        throw new IOException("Chromium exited with " + process.exitValue() + " before it opened its DevTools "
            + "port; its output:\n" + Files.readString(profile.resolve("chromium.log")));
      } catch (TimeoutException stillRunning) {
        // Not written yet: look again.
      } catch (ExecutionException e) {
        throw new IOException("waiting for Chromium to exit failed", e.getCause());
      }
    }
    throw new IOException("Chromium did not write " + portFile + " within " + START_TIMEOUT + "; its output:\n"
        + Files.readString(profile.resolve("chromium.log")));
  }

  /**
   * Opens a URL in the page and waits until its document has loaded; the exceptions of the previous document
   * are forgotten.
   *
   * @param url the address
   * @throws IllegalStateException if the browser could not load it
   */
  public void navigate(String url) {
    devTools.forgetPageExceptions();
    JsonNode result = command("Page.navigate", Map.of("url", url));
    if (result.hasNonNull("errorText")) {
      throw new IllegalStateException("Chromium could not load " + url + ": " + result.get("errorText").asText());
    }
    awaitTrue("document.readyState === 'complete'", COMMAND_TIMEOUT);
  }

  /**
   * Evaluates a JavaScript expression in the page (awaiting it if it is a promise).
   *
   * @param expression the expression
   * @return its value, as JSON
   * @throws IllegalStateException if it threw
   */
  public JsonNode evaluate(String expression) {
    JsonNode result = command("Runtime.evaluate",
        Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      JsonNode details = result.get("exceptionDetails");
      throw new IllegalStateException("evaluating `" + expression + "` in the page threw "
          + details.path("exception").path("description").asText(details.path("text").asText()));
    }
    return result.path("result").path("value");
  }

  /**
   * Waits until a JavaScript condition holds in the page: the page itself checks it every 25 ms (an
   * exception counts as false) until it is true or the timeout passes.
   *
   * @param condition a JavaScript expression
   * @param timeout how long to wait
   * @throws AssertionError if it did not become true in time; the message names the page's uncaught exceptions
   */
  public void awaitTrue(String condition, Duration timeout) {
    String poll = "new Promise(resolve => {"
        + "  const deadline = Date.now() + " + timeout.toMillis() + ";"
        + "  const check = () => {"
        + "    let holds = false;"
        + "    try { holds = !!(" + condition + "); } catch (e) { holds = false; }"
        + "    if (holds || Date.now() > deadline) { resolve(holds); } else { setTimeout(check, 25); }"
        + "  };"
        + "  check();"
        + "})";
    if (!evaluate(poll).asBoolean()) {
      throw new AssertionError("the page at " + evaluate("location.href").asText() + " did not satisfy `"
          + condition + "` within " + timeout + "; its uncaught exceptions: " + devTools.pageExceptions());
    }
  }

  /**
   * Returns the uncaught JavaScript exceptions of the document loaded last.
   *
   * @return their descriptions, oldest first
   */
  public List<String> pageExceptions() {
    return devTools.pageExceptions();
  }

  /**
   * Leaves the page's requests to the URLs that match a pattern unanswered, until {@link #releaseRequests()}:
   * to the page, the server hangs.
   *
   * @param urlPattern a DevTools URL pattern for the whole URL ({@code *} any characters, {@code ?} one), such
   *     as {@code *}{@code /api/v1/*}
   */
  public void holdRequests(String urlPattern) {
    devTools.onEvent(REQUEST_PAUSED, null);
    interceptRequests(urlPattern);
  }

  /**
   * Answers the page's requests to the URLs that match a pattern itself, in place of the server, with a status
   * and a JSON body, until {@link #releaseRequests()}.
   *
   * @param urlPattern a DevTools URL pattern for the whole URL, as for {@link #holdRequests}
   * @param status the HTTP status of the answer
   * @param json the body of the answer
   */
  public void answerRequests(String urlPattern, int status, String json) {
    String body = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    devTools.onEvent(REQUEST_PAUSED, paused -> {
      try {
        command("Fetch.fulfillRequest", Map.of("requestId", paused.get("requestId").asText(),
            "responseCode", status, "body", body, "responseHeaders",
            List.of(Map.of("name", "Content-Type", "value", "application/json; charset=utf-8"))));
      } catch (IllegalStateException pageGaveUp) {
        // The page aborted the request (its timeout) before the answer: nothing left to answer.
      }
    });
    interceptRequests(urlPattern);
  }

  private void interceptRequests(String urlPattern) {
    command("Fetch.enable", Map.of("patterns", List.of(Map.of("urlPattern", urlPattern))));
  }

  /** Lets the page's requests reach the server again, after {@link #holdRequests} or {@link #answerRequests}. */
  public void releaseRequests() {
    command("Fetch.disable", Map.of());
    devTools.onEvent(REQUEST_PAUSED, null);
  }

  /**
   * Saves what the viewport shows as a PNG file.
   *
   * @param file where to write it (its directory is created)
   * @throws IOException if it cannot be written
   */
  public void screenshot(Path file) throws IOException {
    String data = command("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(data));
  }

  private JsonNode command(String method, Map<String, ?> params) {
    return devTools.send(session, method, params, COMMAND_TIMEOUT);
  }

  /** Kills the browser and every process it started, waits for them to end, and removes the profile. */
  @Override
  public void close() {
    devTools.close();
    kill(process);
    deleteRecursively(profile);
  }

  private static void kill(Process process) {
    // Taken before the browser dies: its children would no longer be its descendants afterwards.
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      process.onExit().get(10, TimeUnit.SECONDS);
      for (ProcessHandle child : children) {
        child.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Chromium to exit", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Chromium (pid " + process.pid() + ") or one of its processes "
          + children.stream().map(ProcessHandle::pid).toList() + " did not exit within 10 s of being killed", e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove Chromium's profile " + directory, e);
    }
  }
}

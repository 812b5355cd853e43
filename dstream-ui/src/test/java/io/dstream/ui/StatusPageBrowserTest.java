package io.dstream.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.TestStreamingContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The status page of a running context, loaded in headless Chromium (see {@link HeadlessChromium}; skipped where
 * there is none): the rendered DOM shows one chart point and one table row per completed batch, the failed batch
 * with its error, new batches without a reload, and markup in an error message as text. Batches run on the test
 * kit's manual clock, set to {@link #START_MS} first, so batch {@code i} has time {@code START_MS + i * 1000}, and
 * each batch's output moves the clock on by a known amount, which is the batch's processing time.
 */
@EnabledIf(value = HeadlessChromium.AVAILABLE, disabledReason = HeadlessChromium.MISSING)
class StatusPageBrowserTest {
  private static final Path TARGET = Path.of("target");
  private static final long INTERVAL_MS = 1000;
  /** A plausible date, so that the page (and its screenshot in the docs) shows one rather than 1970. */
  private static final long START_MS = Instant.parse("2026-12-07T09:30:00Z").toEpochMilli();
  private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(20);
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final String[] CHARTS = {"inputRate", "schedulingDelay", "processingTime", "totalDelay"};
  private static final String FAILURE = "sink refused the batch: disk quota exceeded";
  /** A batch time no batch has: no batch fails. */
  private static final long NEVER = Long.MIN_VALUE;
  /** What the server answers with status 500. */
  private static final String SERVER_ERROR = "internal error; see the application's log";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Markup that would run if the page inserted it as HTML: an inline script and an image's error handler. */
  private static final String MARKUP = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";

  private static HeadlessChromium chromium;

  @BeforeAll
  static void launch() throws Exception {
    chromium = HeadlessChromium.launch(TARGET, 1280, 1600);
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** The input: batch {@code i} (from 1) holds {@code 40 + 37 * i % 100} records, so the input rate varies. */
  private static List<List<Integer>> batchesOfVaryingSize(int count) {
    List<List<Integer>> batches = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      batches.add(IntStream.range(0, 40 + 37 * i % 100).boxed().toList());
    }
    return batches;
  }

  /** How long the output of the batch at {@code timeMs} takes on the manual clock: varied, under the interval. */
  private static long processingMillis(long timeMs) {
    return 50 + ((timeMs - START_MS) / INTERVAL_MS * 211) % 700;
  }

  /**
   * Defines an output that counts each batch, takes {@link #processingMillis} on the manual clock and fails in
   * the batch at {@code failingTimeMs} with {@code message}.
   */
  private static void outputFailingAt(TestStreamingContext t, DStream<Integer> input, long failingTimeMs,
      String message) {
    input.foreachRDD((rdd, time) -> {
      rdd.count();
      t.clock().advance(processingMillis(time.milliseconds()));
      if (time.milliseconds() == failingTimeMs) {
        throw new IllegalStateException(message);
      }
    });
  }

  private static TestStreamingContext contextWithUi() {
    return contextWithUi(0);
  }

  /** A context whose page is served on {@code port} (0 for any free port), its clock at {@link #START_MS}. */
  private static TestStreamingContext contextWithUi(int port) {
    TestStreamingContext t = TestStreamingContext.create(Durations.milliseconds(INTERVAL_MS),
        new StreamingConf().set("dstream.ui.enabled", "true").set("dstream.ui.port", String.valueOf(port)));
    t.clock().setTime(START_MS);
    return t;
  }

  /** The time of batch {@code i}, from 1. */
  private static long batch(int i) {
    return START_MS + i * INTERVAL_MS;
  }

  /** Runs the batches up to batch {@code last}, expecting the one at {@code failingTimeMs} to fail. */
  private static void runUntil(TestStreamingContext t, int last, long failingTimeMs) {
    long next = (t.clock().getTimeMillis() / INTERVAL_MS + 1) * INTERVAL_MS;
    for (; next <= batch(last); next += INTERVAL_MS) {
      if (next == failingTimeMs) {
        assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class);
      } else {
        t.runBatches(1);
      }
    }
  }

  /** The times of batches 1 to {@code last}. */
  private static List<Long> batchTimes(int last) {
    return IntStream.rangeClosed(1, last).mapToObj(StatusPageBrowserTest::batch).toList();
  }

  /** Waits until the page refreshed after the batches ran: every chart and the table hold {@code batches}. */
  private static void awaitBatchesRendered(int batches) {
    chromium.awaitTrue("document.getElementById('last-refresh').hasAttribute('data-refresh-count')"
        + " && document.querySelectorAll('#completed-batches tr[data-batch-time]').length === " + batches
        + " && [...document.querySelectorAll('svg[data-chart]')]"
        + "      .every(chart => chart.querySelectorAll('[data-batch-time]').length === " + batches + ")",
        RENDER_TIMEOUT);
  }

  /** The batch times of each chart's points, by chart name. */
  private static Map<String, List<Long>> chartPoints() {
    JsonNode charts = chromium.evaluate("Object.fromEntries([...document.querySelectorAll('svg[data-chart]')]"
        + ".map(chart => [chart.dataset.chart,"
        + "  [...chart.querySelectorAll('[data-batch-time]')].map(point => Number(point.dataset.batchTime))]))");
    Map<String, List<Long>> points = new TreeMap<>();
    charts.fields().forEachRemaining(chart -> points.put(chart.getKey(), longs(chart.getValue())));
    return points;
  }

  private static List<Long> tableRows(String selector) {
    return longs(chromium.evaluate("[...document.querySelectorAll('" + selector + "')]"
        + ".map(row => Number(row.dataset.batchTime))"));
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asLong()));
    return values;
  }

  private static <T> Map<String, T> everyChartWith(T value) {
    Map<String, T> expected = new TreeMap<>();
    for (String chart : CHARTS) {
      expected.put(chart, value);
    }
    return expected;
  }

  /** How many batches each histogram's bins count together, by chart name. */
  private static Map<String, Integer> histogramTotals() {
    JsonNode totals = chromium.evaluate("Object.fromEntries([...document.querySelectorAll('svg[data-histogram]')]"
        + ".map(chart => [chart.dataset.histogram, [...chart.querySelectorAll('rect[data-bin-count]')]"
        + "  .reduce((sum, bin) => sum + Number(bin.dataset.binCount), 0)]))");
    Map<String, Integer> counts = new TreeMap<>();
    totals.fields().forEachRemaining(chart -> counts.put(chart.getKey(), chart.getValue().asInt()));
    return counts;
  }

  @Test
  void chartsAndTableShowEveryCompletedBatchAndTheFailedOnesErrorAndPickUpNewBatchesWithoutAReload()
      throws Exception {
    int first = 24;
    int all = 30;
    long failing = batch(17);
    try (TestStreamingContext t = contextWithUi()) {
      outputFailingAt(t, t.inputStream(batchesOfVaryingSize(all)), failing, FAILURE);
      runUntil(t, first, failing);

      chromium.navigate(t.context().uiWebUrl().orElseThrow());
      awaitBatchesRendered(first);

      assertThat(chartPoints()).isEqualTo(everyChartWith(batchTimes(first)));
      assertThat(tableRows("#completed-batches tr[data-batch-time]"))
          .containsExactlyInAnyOrderElementsOf(batchTimes(first));
      assertThat(tableRows("#completed-batches tr.failed")).containsExactly(failing);
      assertThat(rowText(failing)).contains(FAILURE);
      for (long time : batchTimes(first)) {
        assertThat(rowText(time)).as("the row of batch %d", time)
            .contains(processingMillis(time) + " ms", UTC_TIME.format(Instant.ofEpochMilli(time)));
      }
      assertThat(chromium.evaluate("document.querySelector('#completed-batches th').textContent").asText())
          .isEqualTo("Batch time (UTC)");
      assertThat(histogramTotals()).isEqualTo(everyChartWith(first));
      assertThat(chromium.evaluate("document.querySelector('svg[data-chart=\"inputRate\"] .axis-unit').textContent")
          .asText()).isEqualTo("records/s");
      assertThat(chromium.evaluate("Math.round(document.querySelector('.chart-row').lastElementChild"
          + ".getBoundingClientRect().right - document.querySelector('main').getBoundingClientRect().right)")
          .asInt()).as("the charts reach the page's right margin").isGreaterThanOrEqualTo(-24);

      chromium.evaluate("window.loadedOnce = true");
      runUntil(t, all, failing);
      awaitBatchesRendered(all);

      assertThat(chromium.evaluate("window.loadedOnce === true").asBoolean()).as("the page was not reloaded")
          .isTrue();
      assertThat(chartPoints()).isEqualTo(everyChartWith(batchTimes(all)));
      assertThat(tableRows("#completed-batches tr[data-batch-time]"))
          .containsExactlyInAnyOrderElementsOf(batchTimes(all));
      assertThat(chromium.pageExceptions()).isEmpty();
      chromium.screenshot(TARGET.resolve("status-page.png"));
    }
  }

  private static String rowText(long batchTime) {
    return chromium.evaluate("document.querySelector('#completed-batches tr[data-batch-time=\"" + batchTime
        + "\"]').textContent").asText();
  }

  @Test
  void markupInAnErrorMessageIsShownAsTextAndNeverRuns() throws Exception {
    long failing = batch(2);
    try (TestStreamingContext t = contextWithUi()) {
      outputFailingAt(t, t.inputStream(batchesOfVaryingSize(3)), failing, MARKUP);
      runUntil(t, 3, failing);

      chromium.navigate(t.context().uiWebUrl().orElseThrow());
      awaitBatchesRendered(3);

      assertThat(rowText(failing)).contains(MARKUP);
      assertThat(chromium.evaluate("document.querySelectorAll('body script, body img').length").asInt())
          .as("elements made from the message").isZero();
      assertThat(chromium.evaluate("typeof window.pwned").asText()).isEqualTo("undefined");
    }
  }

  private static List<Long> newestFirst(List<Long> times) {
    List<Long> reversed = new ArrayList<>(times);
    Collections.reverse(reversed);
    return reversed;
  }

  /** A string as a JavaScript string literal. */
  private static String js(String text) {
    return TextNode.valueOf(text).toString();
  }

  private static int refreshCount() {
    return chromium.evaluate("Number(document.getElementById('last-refresh').dataset.refreshCount || 0)").asInt();
  }

  private static int failedRefreshes() {
    return chromium.evaluate("Number(document.getElementById('refresh-error').dataset.failedRefreshes || 0)")
        .asInt();
  }

  private static String refreshError() {
    return chromium.evaluate("document.getElementById('refresh-error').textContent").asText();
  }

  /** Waits until at least {@code count} refreshes in a row failed and the page says {@code text}. */
  private static void awaitFailedRefreshes(int count, String text) {
    chromium.awaitTrue("Number(document.getElementById('refresh-error').dataset.failedRefreshes || 0) >= " + count
        + " && document.getElementById('refresh-error').textContent.includes(" + js(text) + ")", RENDER_TIMEOUT);
  }

  @Test
  void aStoppedContextIsShownAndRetriedUntilAContextServesTheAddressAgain() throws Exception {
    String url;
    try (TestStreamingContext t = contextWithUi()) {
      outputFailingAt(t, t.inputStream(batchesOfVaryingSize(3)), NEVER, FAILURE);
      runUntil(t, 3, NEVER);
      url = t.context().uiWebUrl().orElseThrow();
      chromium.navigate(url);
      awaitBatchesRendered(3);
    }

    awaitFailedRefreshes(2, "cannot reach the context since ");
    assertThat(refreshError()).matches("cannot reach the context since \\d\\d:\\d\\d:\\d\\d UTC \\(has it stopped\\?\\); "
        + "trying again every 1 s");

    try (TestStreamingContext t = contextWithUi(URI.create(url).getPort())) {
      outputFailingAt(t, t.inputStream(batchesOfVaryingSize(5)), NEVER, FAILURE);
      runUntil(t, 5, NEVER);
      assertThat(t.context().uiWebUrl()).contains(url);

      awaitBatchesRendered(5);
      assertThat(refreshError()).isEmpty();
      assertThat(failedRefreshes()).isZero();
      assertThat(tableRows("#completed-batches tr[data-batch-time]")).containsExactlyElementsOf(
          newestFirst(batchTimes(5)));
    }
  }

  @Test
  void anUnansweredRequestTimesOutAndAnApiErrorShowsTheApisMessageWhileThePageKeepsTrying() throws Exception {
    try (TestStreamingContext t = contextWithUi()) {
      outputFailingAt(t, t.inputStream(batchesOfVaryingSize(3)), NEVER, FAILURE);
      runUntil(t, 2, NEVER);
      chromium.navigate(t.context().uiWebUrl().orElseThrow());
      awaitBatchesRendered(2);

      try {
        chromium.holdRequests("*/api/v1/*");
        awaitFailedRefreshes(1, "the context has not answered within 5 s since ");
        int timedOut = failedRefreshes();
        chromium.answerRequests("*/api/v1/statistics", 500, "{\"error\":" + js(SERVER_ERROR) + ",\"status\":500}");
        awaitFailedRefreshes(timedOut + 2, "the API answered 500: " + SERVER_ERROR);
      } finally {
        chromium.releaseRequests();
      }
      runUntil(t, 3, NEVER);

      awaitBatchesRendered(3);
      assertThat(refreshError()).isEmpty();
      assertThat(chromium.pageExceptions()).isEmpty();
    }
  }

  private static String operationStatus(int id) {
    return "document.querySelector('#output-operations tr[data-output-operation-id=\"" + id + "\"]')"
        + "?.dataset.status";
  }

  @Test
  void anOpenBatchsDetailFollowsItsOutputOperationsUntilTheBatchCompletes() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (TestStreamingContext t = contextWithUi()) {
      DStream<Integer> input = t.inputStream(batchesOfVaryingSize(2));
      input.foreachRDD(rdd -> {
        rdd.count();
      });
      input.foreachRDD((rdd, time) -> {
        if (time.milliseconds() == batch(2)) {
          holding.countDown();
          release.await();
        }
      });
      runUntil(t, 1, NEVER);
      chromium.navigate(t.context().uiWebUrl().orElseThrow());
      awaitBatchesRendered(1);
      CompletableFuture<Void> second = CompletableFuture.runAsync(() -> t.runBatches(1));
      try {
        assertThat(holding.await(20, TimeUnit.SECONDS)).as("the second batch's output started").isTrue();
        String activeRow = "#active-batches tr[data-batch-time=\"" + batch(2) + "\"]";
        chromium.awaitTrue("document.querySelector(" + js(activeRow) + ") !== null", RENDER_TIMEOUT);
        chromium.evaluate("document.querySelector(" + js(activeRow + " td") + ").click()");
        chromium.awaitTrue(operationStatus(0) + " === 'succeeded' && " + operationStatus(1) + " === 'running'",
            RENDER_TIMEOUT);
      } finally {
        release.countDown();
      }
      second.get(20, TimeUnit.SECONDS);

      chromium.awaitTrue(operationStatus(1) + " === 'succeeded' && document.getElementById('detail-summary')"
          + ".textContent.startsWith('succeeded')", RENDER_TIMEOUT);
      assertThat(chromium.evaluate("document.getElementById('batch-detail').dataset.batchTime").asLong())
          .isEqualTo(batch(2));

      chromium.evaluate("document.querySelector('svg[data-chart=\"processingTime\"] circle[data-batch-time=\""
          + batch(1) + "\"]').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
      chromium.awaitTrue("document.getElementById('batch-detail').dataset.batchTime === '" + batch(1) + "' && "
          + operationStatus(1) + " === 'succeeded'", RENDER_TIMEOUT);
    }
  }

  @Test
  void aRefreshWithoutANewBatchRedrawsNothingAndANewBatchAddsOnlyItsOwnRow() throws Exception {
    String firstRow = "#completed-batches tr[data-batch-time=\"" + batch(1) + "\"]";
    try (TestStreamingContext t = contextWithUi()) {
      outputFailingAt(t, t.inputStream(batchesOfVaryingSize(4)), NEVER, FAILURE);
      runUntil(t, 3, NEVER);
      chromium.navigate(t.context().uiWebUrl().orElseThrow());
      awaitBatchesRendered(3);
      chromium.evaluate("window.drawn = {row: document.querySelector(" + js(firstRow) + "),"
          + " point: document.querySelector('svg[data-chart=\"inputRate\"] circle'),"
          + " stream: document.querySelector('#input-streams tr[data-stream-id]')}, true");

      int refreshed = refreshCount();
      chromium.awaitTrue("Number(document.getElementById('last-refresh').dataset.refreshCount) >= "
          + (refreshed + 2), RENDER_TIMEOUT);
      assertThat(chromium.evaluate("Object.values(window.drawn).every(drawn => drawn.isConnected)").asBoolean())
          .as("the rows and points of the first refresh are still the page's").isTrue();

      runUntil(t, 4, NEVER);
      awaitBatchesRendered(4);
      assertThat(chromium.evaluate("document.querySelector(" + js(firstRow) + ") === window.drawn.row")
          .asBoolean()).as("the row of a batch shown before is kept").isTrue();
      assertThat(tableRows("#completed-batches tr[data-batch-time]")).containsExactlyElementsOf(
          newestFirst(batchTimes(4)));
    }
  }

  @Test
  void aNegativeFigureIsCountedInTheFirstBinAndDrawnAtZero() throws Exception {
    try (TestStreamingContext t = contextWithUi()) {
      outputFailingAt(t, t.inputStream(batchesOfVaryingSize(3)), NEVER, FAILURE);
      runUntil(t, 3, NEVER);
      chromium.navigate(t.context().uiWebUrl().orElseThrow());
      awaitBatchesRendered(3);
      // The newest batch, with a processing time below zero (a clock set back); the oldest left out, so that
      // the page sees other batches and redraws.
      ArrayNode batches = (ArrayNode) JSON.readTree(
          chromium.evaluate("fetch('/api/v1/batches').then(response => response.text())").asText());
      batches.remove(batches.size() - 1);
      ((ObjectNode) batches.get(0)).put("processingTimeMs", -40);
      long odd = batches.get(0).get("batchTimeMs").asLong();

      try {
        chromium.answerRequests("*/api/v1/batches", 200, batches.toString());
        awaitBatchesRendered(batches.size());

        assertThat(histogramTotals()).containsEntry("processingTime", batches.size());
        assertThat(chromium.evaluate("document.querySelector('svg[data-histogram=\"processingTime\"] rect')"
            + ".dataset.binCount").asInt()).as("the first bin's count").isEqualTo(1);
        JsonNode pointAndAxis = chromium.evaluate("[document.querySelector('svg[data-chart=\"processingTime\"]"
            + " circle[data-batch-time=\"" + odd + "\"]').getAttribute('cy'),"
            + " document.querySelectorAll('svg[data-chart=\"processingTime\"] line.axis')[1].getAttribute('y1')]"
            + ".map(Number)");
        assertThat(pointAndAxis.get(0).asDouble()).as("the point's height").isEqualTo(pointAndAxis.get(1).asDouble());
      } finally {
        chromium.releaseRequests();
      }
    }
  }
}

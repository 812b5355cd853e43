package io.dstream.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.TestStreamingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
  private static final String[] CHARTS = {"inputRate", "schedulingDelay", "processingTime", "totalDelay"};
  private static final String FAILURE = "sink refused the batch: disk quota exceeded";
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
    TestStreamingContext t = TestStreamingContext.create(Durations.milliseconds(INTERVAL_MS),
        new StreamingConf().set("dstream.ui.enabled", "true").set("dstream.ui.port", "0"));
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

  private static Map<String, List<Long>> everyChartWith(List<Long> times) {
    Map<String, List<Long>> expected = new TreeMap<>();
    for (String chart : CHARTS) {
      expected.put(chart, times);
    }
    return expected;
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
        assertThat(rowText(time)).as("the row of batch %d", time).contains(processingMillis(time) + " ms");
      }

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
}

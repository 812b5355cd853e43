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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status page of a running context, loaded in headless Chromium (see {@link HeadlessChromium}; skipped where
 * there is none): the rendered DOM shows one chart point and one table row per completed batch, the failed batch
 * with its error, new batches without a reload, and markup in an error message as text. Batches run on the test
 * kit's manual clock, so batch {@code i} has time {@code i * 1000} ms, and each batch's output moves the clock on
 * by a known amount, which is the batch's processing time.
 */
class StatusPageBrowserTest {
  private static final Path TARGET = Path.of("target");
  private static final long INTERVAL_MS = 1000;
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

  private static StreamingConf uiOnAnyFreePort() {
    return new StreamingConf().set("dstream.ui.enabled", "true").set("dstream.ui.port", "0");
  }

  /** The input: batch {@code i} (from 1) holds {@code 40 + 37 * i % 100} records, so the input rate varies. */
  private static List<List<Integer>> batchesOfVaryingSize(int count) {
    List<List<Integer>> batches = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      batches.add(new ArrayList<>(LongStream.range(0, 40 + 37L * i % 100).mapToObj(r -> (int) r).toList()));
    }
    return batches;
  }

  /** How long the output of the batch at {@code timeMs} takes on the manual clock: varied, under the interval. */
  private static long processingMillis(long timeMs) {
    return 50 + (timeMs / INTERVAL_MS * 211) % 700;
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

  /** Runs batches up to the one at {@code untilTimeMs}, expecting the one at {@code failingTimeMs} to fail. */
  private static void runUntil(TestStreamingContext t, long untilTimeMs, long failingTimeMs) {
    while (t.clock().getTimeMillis() / INTERVAL_MS * INTERVAL_MS < untilTimeMs) {
      long next = (t.clock().getTimeMillis() / INTERVAL_MS + 1) * INTERVAL_MS;
      if (next == failingTimeMs) {
        assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class);
      } else {
        t.runBatches(1);
      }
    }
  }

  private static List<Long> batchTimes(long first, long last) {
    return LongStream.rangeClosed(first / INTERVAL_MS, last / INTERVAL_MS).map(i -> i * INTERVAL_MS).boxed()
        .toList();
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
    int first = 12;
    int more = 6;
    long failing = 7 * INTERVAL_MS;
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), uiOnAnyFreePort())) {
      outputFailingAt(t, t.inputStream(batchesOfVaryingSize(first + more)), failing, FAILURE);
      runUntil(t, first * INTERVAL_MS, failing);

      chromium.navigate(t.context().uiWebUrl().orElseThrow());
      awaitBatchesRendered(first);

      List<Long> ran = batchTimes(INTERVAL_MS, first * INTERVAL_MS);
      assertThat(chartPoints()).isEqualTo(everyChartWith(ran));
      assertThat(tableRows("#completed-batches tr[data-batch-time]")).containsExactlyInAnyOrderElementsOf(ran);
      assertThat(tableRows("#completed-batches tr.failed")).containsExactly(failing);
      assertThat(chromium.evaluate("document.querySelector('#completed-batches tr.failed').textContent").asText())
          .contains(FAILURE);

      chromium.evaluate("window.loadedOnce = true");
      runUntil(t, (first + more) * INTERVAL_MS, failing);
      awaitBatchesRendered(first + more);

      List<Long> all = batchTimes(INTERVAL_MS, (first + more) * INTERVAL_MS);
      assertThat(chromium.evaluate("window.loadedOnce === true").asBoolean()).as("the page was not reloaded")
          .isTrue();
      assertThat(chartPoints()).isEqualTo(everyChartWith(all));
      assertThat(tableRows("#completed-batches tr[data-batch-time]")).containsExactlyInAnyOrderElementsOf(all);
      assertThat(chromium.pageExceptions()).isEmpty();
      chromium.screenshot(TARGET.resolve("status-page.png"));
    }
  }

  @Test
  void markupInAnErrorMessageIsShownAsTextAndNeverRuns() throws Exception {
    long failing = 2 * INTERVAL_MS;
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), uiOnAnyFreePort())) {
      outputFailingAt(t, t.inputStream(batchesOfVaryingSize(3)), failing, MARKUP);
      runUntil(t, 3 * INTERVAL_MS, failing);

      chromium.navigate(t.context().uiWebUrl().orElseThrow());
      awaitBatchesRendered(3);

      assertThat(chromium.evaluate("document.querySelector('#completed-batches tr.failed').textContent").asText())
          .contains(MARKUP);
      assertThat(chromium.evaluate("document.querySelectorAll('body script, body img').length").asInt())
          .as("elements made from the message").isZero();
      assertThat(chromium.evaluate("typeof window.pwned").asText()).isEqualTo("undefined");
    }
  }
}

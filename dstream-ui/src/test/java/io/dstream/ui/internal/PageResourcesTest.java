package io.dstream.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page's static files: data reaches the DOM only as text, nothing runs inline (so the strict
 * Content-Security-Policy holds), and the DOM hooks that docs/monitoring.md promises the browser test exist.
 */
class PageResourcesTest {
  private static final PageResources PAGE = PageResources.load();
  private static final List<String> CHARTS = List.of("inputRate", "schedulingDelay", "processingTime", "totalDelay");

  private static String text(String path) {
    return new String(PAGE.at(path).orElseThrow().body(), StandardCharsets.UTF_8);
  }

  @Test
  void theScriptPutsNothingIntoTheDomAsMarkup() {
    String script = text("/static/status.js");

    assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
        "new Function", "DOMParser", "createContextualFragment");
    // Every string child becomes a text node, in the one helper that builds elements.
    assertThat(Pattern.compile("createTextNode").matcher(script).results().count()).isEqualTo(1);
    assertThat(Pattern.compile("setAttribute\\(\\s*['\"]on").matcher(script).find()).isFalse();
  }

  @Test
  void thePageHasNoInlineScriptStyleOrEventHandlerThatThePolicyWouldBlock() {
    String html = text("/");

    assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(html).find()).isFalse();
    assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
    assertThat(Pattern.compile("\\sstyle\\s*=").matcher(html).find()).isFalse();
    assertThat(html).doesNotContain("<style", "http://", "https://");
  }

  @Test
  void theDomHooksOfTheBrowserTestArePresent() {
    String html = text("/");
    String script = text("/static/status.js");

    for (String chart : CHARTS) {
      assertThat(html).contains("data-chart=\"" + chart + "\"", "data-histogram=\"" + chart + "\"");
      assertThat(script).contains(chart + ":");
    }
    assertThat(html).contains("id=\"completed-batches\"", "id=\"active-batches\"", "id=\"last-refresh\"",
        "id=\"batch-detail\"", "id=\"output-operations\"", "id=\"input-streams\"", "id=\"receivers\"",
        "id=\"state-streams\"");
    assertThat(script).contains("'data-batch-time'", "'failed'", "'data-refresh-count'", "'batch-interval'");
  }

  @Test
  void theIndexIsServedAtTheRootAndUnderItsName() {
    assertThat(PAGE.at("/")).isEqualTo(PAGE.at("/index.html"));
    assertThat(PAGE.at("/static/missing.js")).isEmpty();
  }
}

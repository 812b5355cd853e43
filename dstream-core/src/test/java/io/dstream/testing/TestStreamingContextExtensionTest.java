package io.dstream.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContextState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The JUnit 5 extension hands each test a fresh test context, configured as registered, the same one to the
 * test and its lifecycle methods, and closes it after the test, also when the test fails. The test classes
 * that use it are nested here and run through the JUnit platform's launcher, so that their failures are
 * observed rather than reported.
 */
class TestStreamingContextExtensionTest {
  static final List<TestStreamingContext> SEEN = new CopyOnWriteArrayList<>();

  @ExtendWith(TestStreamingContextExtension.class)
  static class TwoTestsOneFailing {
    @BeforeEach
    void before(TestStreamingContext t) {
      SEEN.add(t);
    }

    @Test
    void passes(TestStreamingContext t) {
      SEEN.add(t);
      CollectedOutput<Integer> out = t.collect(t.inputStream(List.of(List.of(1, 2))).map(x -> x * 10));
      t.runBatches(1);
      assertThat(out.batches()).containsExactly(List.of(10, 20));
    }

    @Test
    void fails(TestStreamingContext t) {
      SEEN.add(t);
      t.collect(t.inputStream(List.of(List.of(1))));
      t.runBatches(1);
      throw new AssertionError("this test fails on purpose");
    }
  }

  static class Configured {
    @RegisterExtension
    static TestStreamingContextExtension contexts = TestStreamingContextExtension
        .withBatchDuration(Durations.milliseconds(500))
        .withConf(new StreamingConf().setAppName("configured-by-extension"));

    @Test
    void usesTheRegisteredConfiguration(TestStreamingContext t) {
      SEEN.add(t);
      DStream<Integer> in = t.inputStream(List.of(List.of(1)));
      CollectedOutput<Integer> out = t.collect(in);
      t.runBatches(1);
      assertThat(t.clock().getTimeMillis()).isEqualTo(500);
      assertThat(t.context().conf().appName()).isEqualTo("configured-by-extension");
      assertThat(out.batches()).containsExactly(List.of(1));
    }

    @AfterEach
    void stillOpenInAfterEach(TestStreamingContext t) {
      assertThat(t).isSameAs(SEEN.get(SEEN.size() - 1));
      assertThat(t.context().getState()).isEqualTo(StreamingContextState.ACTIVE);
    }
  }

  private static TestExecutionSummary run(Class<?> testClass) {
    SEEN.clear();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), summary);
    return summary.getSummary();
  }

  @Test
  void eachTestGetsAFreshContextThatIsClosedAfterItEvenWhenItFails() {
    TestExecutionSummary summary = run(TwoTestsOneFailing.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertThat(summary.getFailures().get(0).getException()).hasMessage("this test fails on purpose");
    // Two tests, each seen by its @BeforeEach and by itself: the same context twice, two contexts in all.
    assertThat(SEEN).hasSize(4);
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    assertThat(SEEN.get(2)).isSameAs(SEEN.get(3));
    assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(2));
    assertThat(SEEN).allSatisfy(t -> assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED));
  }

  @Test
  void aRegisteredExtensionGivesItsBatchDurationAndConfiguration() {
    TestExecutionSummary summary = run(Configured.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(SEEN).singleElement()
        .satisfies(t -> assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED));
  }
}

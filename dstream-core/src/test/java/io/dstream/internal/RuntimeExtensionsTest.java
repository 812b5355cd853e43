package io.dstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.ConfigKey;
import io.dstream.ConfigKeys;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.StreamingContextState;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The extensions that a configuration key turns on: started when the context starts, closed when it stops,
 * and a key whose module is missing refused at start rather than serving nothing.
 */
class RuntimeExtensionsTest {

  /** An extension turned on by the status page's key that records its calls. */
  private static final class RecordingExtension implements RuntimeExtension {
    final List<StreamingContext> startedFor = new ArrayList<>();
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public ConfigKey<Boolean> enabledBy() {
      return ConfigKeys.UI_ENABLED;
    }

    @Override
    public AutoCloseable start(StreamingContext context) {
      startedFor.add(context);
      return closed::incrementAndGet;
    }
  }

  @Test
  void anEnabledExtensionStartsWithTheContextAndIsClosedWhenTheContextStops() {
    RecordingExtension extension = new RecordingExtension();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      ContextResources resources = new ContextResources();
      new RuntimeExtensions(List.of(extension))
          .startEnabled(t.context(), new StreamingConf().set("dstream.ui.enabled", "true"), resources);

      assertThat(extension.startedFor).containsExactly(t.context());
      assertThat(extension.closed).hasValue(0);
      resources.close();
      assertThat(extension.closed).hasValue(1);
    }
  }

  @Test
  void anExtensionWhoseKeyIsOffIsNotStarted() {
    RecordingExtension extension = new RecordingExtension();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      new RuntimeExtensions(List.of(extension)).startEnabled(t.context(), new StreamingConf(), new ContextResources());

      assertThat(extension.startedFor).isEmpty();
    }
  }

  @Test
  void anExtensionThatFailsToStartFailsWithItsExceptionAsTheCause() {
    RuntimeExtension failing = new RuntimeExtension() {
      @Override
      public ConfigKey<Boolean> enabledBy() {
        return ConfigKeys.UI_ENABLED;
      }

      @Override
      public AutoCloseable start(StreamingContext context) throws IOException {
        throw new IOException("port 4040 in use");
      }
    };
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      StreamingConf on = new StreamingConf().set("dstream.ui.enabled", "true");

      assertThatThrownBy(() -> new RuntimeExtensions(List.of(failing))
          .startEnabled(t.context(), on, new ContextResources()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("dstream.ui.enabled")
          .hasMessageContaining("could not start")
          .hasCauseInstanceOf(IOException.class);
    }
  }

  @Test
  void turningOnTheStatusPageWithoutDstreamUiFailsTheStartNamingTheModuleAndStopsTheContext() {
    StreamingConf conf = new StreamingConf().set("dstream.ui.enabled", "true");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      t.inputStream(List.of(List.of(1))).print();

      assertThatThrownBy(() -> t.context().start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("dstream.ui.enabled is true")
          .hasMessageContaining("io.dstream:dstream-ui");
      assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
      assertThat(t.context().uiWebUrl()).isEmpty();
    }
  }
}

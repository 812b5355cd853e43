package io.dstream.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.CapturedLog;
import io.dstream.Durations;
import io.dstream.InputDStream;
import io.dstream.testing.TestStreamingContext;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the meters do when the context stops (they leave the registry), and when the registry refuses one of
 * them (the others and the batches go on).
 */
class MetricsLifecycleTest {

  /** A registry filter that refuses one meter, as a registry does with a meter whose tags clash with another's. */
  private static MeterFilter refusing(String name) {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (id.getName().equals(name)) {
          throw new IllegalArgumentException("refused " + id.getName());
        }
        return id;
      }
    };
  }

  @Test
  void aStoppedContextsMetersLeaveTheRegistryAndALaterContextOfTheSameNameCountsAfresh() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DStreamMetrics metrics;
    try (TestStreamingContext first = TestStreamingContext.create(Durations.seconds(1))) {
      first.collect(first.inputStream(List.of(List.of(1, 2), List.of(3))));
      metrics = DStreamMetrics.bind(first.context(), registry);
      first.runBatches(2);
      assertThat(DStreamMetricsTest.batches(registry, MeterNames.SUCCEEDED)).isEqualTo(2);
    }

    assertThat(registry.getMeters()).isEmpty();
    assertThatThrownBy(() -> metrics.bindTo(new SimpleMeterRegistry())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("application 'test' has stopped");
    try (TestStreamingContext second = TestStreamingContext.create(Durations.seconds(1))) {
      List<List<Integer>> input = List.of(List.of(4, 5, 6));
      InputDStream<Integer> stream = (InputDStream<Integer>) second.inputStream(input);
      second.collect(stream);
      DStreamMetrics.bind(second.context(), registry);
      second.runBatches(1);

      assertThat(DStreamMetricsTest.batches(registry, MeterNames.SUCCEEDED)).isEqualTo(1);
      assertThat(DStreamMetricsTest.records(registry, stream)).isEqualTo(input.get(0).size());
      assertThat(registry.get(MeterNames.BLOCKS_WAITING).gauge().value()).isZero();
    }
  }

  @Test
  void aStreamMeterTheRegistryRefusesIsLeftOutWithAWarningAndTheBatchesAndOtherMetersGoOn() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(refusing(MeterNames.INPUT_RECORDS));
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
        CapturedLog log = CapturedLog.of(StreamMeters.class.getName())) {
      t.collect(t.inputStream(List.of(List.of(1, 2), List.of(3))));
      DStreamMetrics.bind(t.context(), registry);

      t.runBatches(2);

      assertThat(DStreamMetricsTest.batches(registry, MeterNames.SUCCEEDED)).isEqualTo(2);
      assertThat(registry.find(MeterNames.INPUT_RECORDS).meters()).isEmpty();
      assertThat(log.messagesAt("WARN")).singleElement().asString()
          .contains("refused the meter " + MeterNames.INPUT_RECORDS).contains("refused " + MeterNames.INPUT_RECORDS);
    }
  }

  @Test
  void aContextMeterTheRegistryRefusesFailsTheBindingWhichLeavesNoMeterBehind() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(refusing(MeterNames.BLOCKS_WAITING));
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.collect(t.inputStream(List.of(List.of(1))));

      assertThatThrownBy(() -> DStreamMetrics.bind(t.context(), registry))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("refused " + MeterNames.BLOCKS_WAITING);
      assertThat(registry.getMeters()).isEmpty();
      t.runBatches(1);
      assertThat(registry.getMeters()).isEmpty();
    }
  }
}

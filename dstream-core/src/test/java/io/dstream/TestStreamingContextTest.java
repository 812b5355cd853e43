package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestStreamingContextTest {

  @Test
  void runBatchesStartsTheContext() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.collect(t.inputStream(List.of(List.of(1))));
      assertThat(t.context().getState()).isEqualTo(StreamingContextState.INITIALIZED);

      t.runBatches(1);

      assertThat(t.context().getState()).isEqualTo(StreamingContextState.ACTIVE);
      assertThat(StreamingContext.getActive()).containsSame(t.context());
    }
  }

  @Test
  void batchTimesAreMultiplesOfTheBatchDurationFromZero() {
    List<Time> times = Collections.synchronizedList(new ArrayList<>());
    try (TestStreamingContext t = TestStreamingContext.create(Durations.milliseconds(500))) {
      t.inputStream(List.<List<Integer>>of()).foreachRDD((rdd, time) -> {
        times.add(time);
      });
      assertThat(t.clock().getTimeMillis()).isZero();

      t.runBatches(2);
      t.runBatches(1);

      assertThat(times).containsExactly(new Time(500), new Time(1000), new Time(1500));
      assertThat(t.clock().getTimeMillis()).isEqualTo(1500);
    }
  }

  @Test
  void afterTheTestMovesTheClockByPartOfABatchTheNextBatchIsStillOnTheGrid() {
    List<Time> times = Collections.synchronizedList(new ArrayList<>());
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.inputStream(List.<List<Integer>>of()).foreachRDD((rdd, time) -> {
        times.add(time);
      });
      t.runBatches(1);

      t.clock().advance(500);
      t.runBatches(1);

      assertThat(times).containsExactly(new Time(1000), new Time(2000));
      assertThat(t.clock().getTimeMillis()).isEqualTo(2000);
    }
  }

  @Test
  void eachBatchHasCompletedWhenRunBatchesReturns() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      CollectedOutput<Integer> out = t.collect(t.inputStream(List.of(List.of(1, 2), List.of(3))));

      t.runBatches(1);
      assertThat(out.batches()).containsExactly(List.of(1, 2));

      t.runBatches(1);
      assertThat(out.batches()).containsExactly(List.of(1, 2), List.of(3));
    }
  }

  @Test
  void nullRecordsAreCollectedAsTheyAre() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      CollectedOutput<String> out = t.collect(t.inputStream(List.of(List.of("a", "b"))).map(s -> s.equals("a")
          ? null : s));

      t.runBatches(1);

      assertThat(out.batches()).containsExactly(Arrays.asList(null, "b"));
    }
  }

  @Test
  void batchesPastTheEndOfTheInputAreEmpty() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      CollectedOutput<String> out = t.collect(t.inputStream(List.of(List.of("a"))));

      t.runBatches(3);

      assertThat(out.batches()).containsExactly(List.of("a"), List.of(), List.of());
    }
  }

  @Test
  void pairInputStreamsOfferTheKeyedOperations() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      PairDStream<String, Integer> pairs = t.pairInputStream(List.of(
          List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2), new Tuple2<>("a", 3))));
      CollectedOutput<Tuple2<String, Integer>> out = t.collect(pairs.reduceByKey(Integer::sum));

      t.runBatches(1);

      assertThat(out.batches().get(0)).containsExactlyInAnyOrder(new Tuple2<>("a", 4), new Tuple2<>("b", 2));
    }
  }

  @Test
  void closeStopsTheContextAndReleasesIt() {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
    t.collect(t.inputStream(List.of(List.of(1))));
    t.runBatches(1);

    t.close();

    assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(StreamingContext.getActive()).isEmpty();
  }

  @Test
  void closeOfANeverStartedTestContextStopsIt() {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));

    t.close();
    t.close();

    assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void runBatchesAfterCloseIsRefused() {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
    t.collect(t.inputStream(List.of(List.of(1))));
    t.runBatches(1);
    t.close();

    assertThatThrownBy(() -> t.runBatches(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopped")
        .hasMessageContaining("new TestStreamingContext");
    assertThat(t.clock().getTimeMillis()).isEqualTo(1000);
  }

  @Test
  void aNegativeBatchCountIsRefused() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.collect(t.inputStream(List.of(List.of(1))));

      assertThatThrownBy(() -> t.runBatches(-1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1");
    }
  }

  @Test
  void theDefaultsAreTwoWorkerThreadsAndTheNameTest() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      assertThat(t.context().conf().master()).isEqualTo("local[2]");
      assertThat(t.context().conf().appName()).isEqualTo("test");
    }
  }

  @Test
  void aGivenConfigurationIsKept() {
    StreamingConf conf = new StreamingConf().setMaster("local[1]").setAppName("mine").set("x.y", "z");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      assertThat(t.context().conf().master()).isEqualTo("local[1]");
      assertThat(t.context().conf().appName()).isEqualTo("mine");
      assertThat(t.context().conf().get("x.y", null)).isEqualTo("z");
    }
  }

  @Test
  void startingTheContextDirectlyStillLetsRunBatchesDriveIt() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      CollectedOutput<Integer> out = t.collect(t.inputStream(List.of(List.of(7))));
      t.context().start();

      t.runBatches(1);

      assertThat(out.batches()).containsExactly(List.of(7));
    }
  }
}

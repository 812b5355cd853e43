package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void mapsEachBatch() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<Integer> in = t.inputStream(List.of(List.of(1, 2), List.of(3)));
      CollectedOutput<Integer> out = t.collect(in.map(x -> x * 2));
      t.runBatches(3);
      assertThat(out.batches()).containsExactly(List.of(2, 4), List.of(6), List.of());
    }
  }

  @Test
  void countsWords() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<String> in = t.inputStream(List.of(List.of("a b a", "c a"), List.of("b")));
      CollectedOutput<Tuple2<String, Integer>> out = t.collect(
          in.flatMap(l -> Arrays.asList(l.split(" ")).iterator()).mapToPair(w -> new Tuple2<>(w, 1))
              .reduceByKey(Integer::sum));
      t.runBatches(2);
      assertThat(out.batches().get(0)).containsExactlyInAnyOrder(
          new Tuple2<>("a", 3), new Tuple2<>("b", 1), new Tuple2<>("c", 1));
      assertThat(out.batches().get(1)).containsExactly(new Tuple2<>("b", 1));
    }
  }
}

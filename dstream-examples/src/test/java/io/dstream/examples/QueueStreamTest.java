package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.Tuple2;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QueueStreamTest {
  private static final Map<Integer, Integer> COUNTS_BY_LAST_DIGIT = QueueStream.NUMBERS.stream()
      .collect(Collectors.groupingBy(x -> x % 10, Collectors.summingInt(x -> 1)));

  @Test
  void countsEveryQueuedBatchByLastDigitAndThenRunsEmpty() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      CollectedOutput<Tuple2<Integer, Integer>> out = t.collect(QueueStream.countByLastDigit(t.context(), 2));
      t.runBatches(3);

      List<List<Tuple2<Integer, Integer>>> batches = out.batches();
      assertThat(batches).hasSize(3);
      for (List<Tuple2<Integer, Integer>> batch : batches.subList(0, 2)) {
        assertThat(batch.stream().collect(Collectors.toMap(Tuple2::_1, Tuple2::_2)))
            .isEqualTo(COUNTS_BY_LAST_DIGIT);
      }
      assertThat(batches.get(2)).isEmpty();
    }
  }

  @Test
  void mainPrintsTheTenDigitCountsOfEachBatch() throws Exception {
    String printed = PrintedBatches.captureStdout(() -> QueueStream.main(new String[] {"1"}));

    List<PrintedBatches.Batch> batches = PrintedBatches.parse(printed);
    assertThat(batches).isNotEmpty();
    List<String> expected = COUNTS_BY_LAST_DIGIT.entrySet().stream()
        .map(e -> new Tuple2<>(e.getKey(), e.getValue()).toString()).toList();
    assertThat(batches.get(0).records()).containsExactlyInAnyOrderElementsOf(expected);
  }
}

package io.dstream;

import static io.dstream.PlainWindows.windowTimes;
import static io.dstream.PlainWindows.windows;
import static io.dstream.TestData.perBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The window operations of {@link DStream} (window, countByWindow, reduceByWindow with and without an
 * inverse, countByValueAndWindow) produce, at every time on their slide grid and only then, what plain Java
 * computes from the batches in the window: windows at the start cover the batches that exist, empty
 * batches and windows are handled, and durations that do not fit the parent are refused when defined.
 */
@ExtendWith(TestStreamingContextExtension.class)
class WindowOperationsTest {
  /** Eight batches of up to 6 integers in [0, 20); batch 2 is empty. Runs go 3 batches past the end. */
  private static final List<List<Integer>> INPUT = TestData.randomInts(301, 8, 6, 20);
  private static final int BATCHES = INPUT.size() + 3;

  private static Duration seconds(int n) {
    return Durations.seconds(n);
  }

  @ParameterizedTest(name = "window {0} s, slide {1} s")
  @CsvSource({"3, 1", "4, 2", "2, 2", "1, 1", "2, 3", "5, 3"})
  void windowHoldsTheRecordsOfTheBatchesInTheWindowAtEverySlide(int window, int slide, TestStreamingContext t) {
    DStream<Integer> windowed = t.inputStream(INPUT).window(seconds(window), seconds(slide));
    PartitionedOutput<Integer> out = PartitionedOutput.of(windowed);

    t.runBatches(BATCHES);

    assertThat(windowed.slideDuration()).isEqualTo(seconds(slide));
    assertThat(out.times()).isEqualTo(windowTimes(slide, BATCHES));
    assertThat(out.records()).isEqualTo(windows(INPUT, window, slide, BATCHES));
  }

  @Test
  void windowWithoutASlideSlidesEveryBatchAndCoversOnlyTheBatchesThatExistAtTheStart(TestStreamingContext t) {
    DStream<String> in = t.inputStream(List.of(List.of("a"), List.of("b", "c"), List.of(), List.of("d")));
    CollectedOutput<String> out = t.collect(in.window(seconds(3)));

    t.runBatches(6);

    assertThat(out.batches()).containsExactly(List.of("a"), List.of("a", "b", "c"), List.of("a", "b", "c"),
        List.of("b", "c", "d"), List.of("d"), List.of("d"));
  }

  @Test
  void aWindowOverAWindowedStreamCountsInTheParentsSlides(TestStreamingContext t) {
    DStream<Integer> pairsOfBatches = t.inputStream(INPUT).window(seconds(2), seconds(2));
    DStream<Integer> windowed = pairsOfBatches.window(seconds(4), seconds(4));
    PartitionedOutput<Integer> out = PartitionedOutput.of(windowed);

    t.runBatches(BATCHES);

    assertThat(out.times()).isEqualTo(windowTimes(4, BATCHES));
    assertThat(out.records()).isEqualTo(windows(INPUT, 4, 4, BATCHES));
  }

  @Test
  void theBatchesOfOverlappingWindowsAreComputedOnce(TestStreamingContext t) {
    AtomicInteger calls = new AtomicInteger();
    DStream<Integer> mapped = t.inputStream(INPUT).map(x -> {
      calls.incrementAndGet();
      return x;
    });
    t.collect(mapped.window(seconds(4), seconds(1)));
    t.collect(mapped.window(seconds(3), seconds(2)));

    t.runBatches(BATCHES);

    assertThat(calls).hasValue(INPUT.stream().mapToInt(List::size).sum());
  }

  @ParameterizedTest(name = "window {0} s, slide {1} s")
  @CsvSource({"3, 1", "4, 2", "2, 2", "2, 3"})
  void countByWindowCountsEveryWindowAndSaysZeroForAnEmptyOne(int window, int slide, TestStreamingContext t) {
    CollectedOutput<Long> out = t.collect(t.inputStream(INPUT).countByWindow(seconds(window), seconds(slide)));

    int batches = INPUT.size() + window + slide; // the last window is past the input
    t.runBatches(batches);

    assertThat(out.batches()).isEqualTo(perBatch(windows(INPUT, window, slide, batches),
        records -> List.of((long) records.size())));
    assertThat(out.batches().get(out.batches().size() - 1)).containsExactly(0L);
  }

  @Test
  void countByWindowCountsAcrossEmptyBatches(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(List.of(List.of(7), List.of(), List.of(), List.of(), List.of(8, 9)));
    CollectedOutput<Long> out = t.collect(in.countByWindow(seconds(2), seconds(1)));

    t.runBatches(6);

    assertThat(out.batches()).containsExactly(List.of(1L), List.of(1L), List.of(0L), List.of(0L), List.of(2L),
        List.of(2L));
  }

  @ParameterizedTest(name = "window {0} s, slide {1} s")
  @CsvSource({"3, 1", "4, 2", "2, 2", "2, 3"})
  void reduceByWindowCombinesTheRecordsOfEveryNonEmptyWindow(int window, int slide, TestStreamingContext t) {
    CollectedOutput<Integer> out =
        t.collect(t.inputStream(INPUT).reduceByWindow(Integer::sum, seconds(window), seconds(slide)));

    t.runBatches(BATCHES);

    assertThat(out.batches()).isEqualTo(perBatch(windows(INPUT, window, slide, BATCHES),
        records -> records.isEmpty() ? List.of() : List.of(records.stream().mapToInt(x -> x).sum())));
  }

  @ParameterizedTest(name = "window {0} s, slide {1} s")
  @CsvSource({"3, 1", "4, 2", "2, 2", "2, 3"})
  void reduceByWindowWithAnInverseKeepsAValueOnceARecordWasSeen(int window, int slide, TestStreamingContext t) {
    List<List<Integer>> input = Stream.concat(Stream.of(List.<Integer>of(), List.<Integer>of()), INPUT.stream())
        .toList();
    CollectedOutput<Integer> out = t.collect(t.inputStream(input).reduceByWindow(Integer::sum, (a, b) -> a - b,
        seconds(window), seconds(slide)));

    int batches = input.size() + window + slide; // the last window is past the input
    t.runBatches(batches);

    List<List<Integer>> windows = windows(input, window, slide, batches);
    List<List<Integer>> expected = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      int time = (i + 1) * slide;
      boolean seen = input.subList(0, Math.min(time, input.size())).stream().anyMatch(b -> !b.isEmpty());
      expected.add(seen ? List.of(windows.get(i).stream().mapToInt(x -> x).sum()) : List.of());
    }
    assertThat(out.batches()).isEqualTo(expected);
    assertThat(out.batches().get(out.batches().size() - 1)).containsExactly(0);
  }

  @ParameterizedTest(name = "window {0} s, slide {1} s")
  @CsvSource({"3, 1", "4, 2", "2, 2", "2, 3"})
  void countByValueAndWindowCountsEachRecordInTheWindowAndDropsZeroCounts(int window, int slide,
      TestStreamingContext t) {
    PartitionedOutput<Tuple2<Integer, Long>> out =
        PartitionedOutput.of(t.inputStream(INPUT).countByValueAndWindow(seconds(window), seconds(slide), 3));

    t.runBatches(BATCHES);

    assertThat(perBatch(out.records(), TestData::asMap))
        .isEqualTo(perBatch(windows(INPUT, window, slide, BATCHES), records -> new TreeMap<>(TestData.multiset(records))));
    out.assertPlacedBy(new HashPartitioner(3));
  }

  @Test
  void aFailingReduceFunctionFailsTheWindowsBatchWithItsException(TestStreamingContext t) {
    IllegalStateException boom = new IllegalStateException("boom");
    t.collect(t.inputStream(List.of(List.of(1, 2))).reduceByWindow((a, b) -> {
      throw boom;
    }, seconds(2), seconds(1)));

    JobFailedException failure = catchThrowableOfType(JobFailedException.class, () -> t.runBatches(1));

    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).isSameAs(boom);
  }

  @Test
  void aWindowThatIsNotAMultipleOfTheParentsSlideIsRefusedWhenDefined(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(INPUT);

    assertThatThrownBy(() -> in.window(Durations.milliseconds(1500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window duration 1500 ms is not a multiple of the parent's slide duration 1000 ms")
        .hasMessageContaining("use a multiple of 1000 ms");
    assertThatThrownBy(() -> in.countByWindow(seconds(3), Durations.milliseconds(2500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("countByWindow")
        .hasMessageContaining("slide duration 2500 ms is not a multiple of the parent's slide duration 1000 ms");
    assertThatThrownBy(() -> in.reduceByWindow(Integer::sum, seconds(0), seconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window duration 0 ms is not positive");
    assertThatThrownBy(() -> in.countByValueAndWindow(seconds(2), seconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slide duration -1000 ms is not positive");
  }

  @Test
  void theDurationsOfAWindowOverAWindowAreCheckedAgainstTheWindowsSlide(TestStreamingContext t) {
    DStream<Integer> everyTwoSeconds = t.inputStream(INPUT).window(seconds(4), seconds(2));

    assertThatThrownBy(() -> everyTwoSeconds.window(seconds(3), seconds(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window duration 3000 ms is not a multiple of the parent's slide duration 2000 ms")
        .hasMessageContaining("use a multiple of 2000 ms");
  }

  @Test
  void aWindowCannotBeDefinedAfterStart(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(INPUT);
    t.collect(in);
    t.runBatches(1);

    assertThatThrownBy(() -> in.window(seconds(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after the StreamingContext has started");
  }
}

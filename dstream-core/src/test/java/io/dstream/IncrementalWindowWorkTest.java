package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.function.Function2;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The incremental {@code reduceByKeyAndWindow} does work in proportion to the batches that enter and leave
 * the window, not to its length: with every key in every batch, a window ten times longer calls the reduce
 * and inverse functions exactly as often, while the plain form's calls grow with the window.
 */
@ExtendWith(TestStreamingContextExtension.class)
class IncrementalWindowWorkTest {
  private static final int KEYS = 6;
  private static final int WARM_UP = 40;
  private static final int MEASURED = 10;

  /** The calls of one window length's functions: the incremental form's reduce and inverse, the plain form's. */
  private record Calls(AtomicLong reduce, AtomicLong inverse, AtomicLong plainReduce) {
    static Calls of(TestStreamingContext t, PairDStream<Integer, Integer> in, int windowSeconds) {
      Calls calls = new Calls(new AtomicLong(), new AtomicLong(), new AtomicLong());
      Duration window = Durations.seconds(windowSeconds);
      Duration slide = Durations.seconds(1);
      t.collect(in.reduceByKeyAndWindow(counting(calls.reduce, Integer::sum),
          counting(calls.inverse, (a, b) -> a - b), window, slide));
      t.collect(in.reduceByKeyAndWindow(counting(calls.plainReduce, Integer::sum), window, slide));
      return calls;
    }

    long[] snapshot() {
      return new long[] {reduce.get(), inverse.get(), plainReduce.get()};
    }
  }

  /** Every key twice in every batch. */
  private static List<List<Tuple2<Integer, Integer>>> denseInput() {
    List<List<Tuple2<Integer, Integer>>> batches = new ArrayList<>();
    for (int b = 0; b < WARM_UP + MEASURED; b++) {
      List<Tuple2<Integer, Integer>> batch = new ArrayList<>();
      for (int k = 0; k < 2 * KEYS; k++) {
        batch.add(new Tuple2<>(k % KEYS, b + k));
      }
      batches.add(batch);
    }
    return batches;
  }

  private static Function2<Integer, Integer, Integer> counting(AtomicLong calls,
      Function2<Integer, Integer, Integer> f) {
    return (a, b) -> {
      calls.incrementAndGet();
      return f.call(a, b);
    };
  }

  @Test
  void aTenTimesLongerWindowCostsTheIncrementalFormNoMoreCalls(TestStreamingContext t) {
    PairDStream<Integer, Integer> in = t.pairInputStream(denseInput());
    Calls shortWindow = Calls.of(t, in, 3);
    Calls longWindow = Calls.of(t, in, 30);

    t.runBatches(WARM_UP);
    long[] shortBefore = shortWindow.snapshot();
    long[] longBefore = longWindow.snapshot();
    t.runBatches(MEASURED);
    long[] shortDuring = minus(shortWindow.snapshot(), shortBefore);
    long[] longDuring = minus(longWindow.snapshot(), longBefore);

    assertThat(longDuring[0]).as("incremental reduce calls").isEqualTo(shortDuring[0]).isPositive();
    assertThat(longDuring[1]).as("inverse calls: one per key leaving per window").isEqualTo(shortDuring[1])
        .isEqualTo((long) KEYS * MEASURED);
    assertThat(longDuring[2]).as("plain reduce calls grow with the window").isGreaterThan(5 * shortDuring[2]);
  }

  private static long[] minus(long[] after, long[] before) {
    long[] delta = new long[after.length];
    for (int i = 0; i < after.length; i++) {
      delta[i] = after[i] - before[i];
    }
    return delta;
  }
}

package io.dstream;

import static io.dstream.StateTestSupport.checkpointInMemory;
import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.internal.state.CountingStateMapWork;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code mapWithState} does work in proportion to the keys a batch touches, not to the keys in the state:
 * with 100,000 keys in the state and 10 records per batch, a batch calls the function 10 times and does a
 * few dozen map operations. Only the checkpoint batches (every 10 s by default) pay for the whole state,
 * once, to compact its layers and write the snapshot. Measured with counters, not time.
 */
@ExtendWith(TestStreamingContextExtension.class)
class MapWithStateWorkTest {
  private static final int KEYS = 100_000;
  private static final int TOUCHED = 10;
  private static final int BATCHES = 20;

  private static List<List<Tuple2<Integer, Integer>>> input() {
    List<List<Tuple2<Integer, Integer>>> batches = new ArrayList<>();
    List<Tuple2<Integer, Integer>> everyKey = new ArrayList<>(KEYS);
    for (int k = 0; k < KEYS; k++) {
      everyKey.add(new Tuple2<>(k, 1));
    }
    batches.add(everyKey);
    Random random = new Random(701);
    for (int b = 1; b < BATCHES; b++) {
      List<Tuple2<Integer, Integer>> few = new ArrayList<>();
      for (int i = 0; i < TOUCHED; i++) {
        few.add(new Tuple2<>(random.nextInt(KEYS), 1));
      }
      batches.add(few);
    }
    return batches;
  }

  @Test
  void aBatchCostsWorkInProportionToItsRecordsNotToTheKeysInTheState(TestStreamingContext t) {
    checkpointInMemory(t);
    AtomicLong calls = new AtomicLong();
    MapWithStateDStream<Integer, Integer, Integer, Integer> mapped = t.pairInputStream(input()).mapWithState(
        StateSpec.function((Integer key, Optional<Integer> value, State<Integer> state) -> {
          calls.incrementAndGet();
          state.update(value.orElse(0) + state.getOption().orElse(0));
          return state.get();
        }));
    List<Long> counts = new ArrayList<>();
    mapped.foreachRDD(rdd -> counts.add(rdd.count()));
    CountingStateMapWork work = new CountingStateMapWork();
    mapped.stateNode().countWorkIn(work);

    t.runBatches(1);
    assertThat(calls.get()).isEqualTo(KEYS);
    for (int batch = 2; batch <= BATCHES; batch++) {
      long workBefore = work.total();
      long callsBefore = calls.get();
      t.runBatches(1);
      long batchWork = work.total() - workBefore;

      assertThat(calls.get() - callsBefore).as("calls in batch %s", batch).isEqualTo(TOUCHED);
      if (batch % 10 == 0) {
        // The checkpoint: the layers are compacted (a scan and a copy of every key), the snapshot written (a scan).
        assertThat(batchWork).as("work in checkpoint batch %s", batch).isBetween(3L * KEYS, 3L * KEYS + 1000);
      } else {
        // Each record: a lookup through at most 10 layers and one write.
        assertThat(batchWork).as("work in batch %s", batch).isPositive().isLessThanOrEqualTo(TOUCHED * 11L);
      }
    }
    assertThat(counts).hasSize(BATCHES).allSatisfy(count -> assertThat(count).isIn((long) KEYS, (long) TOUCHED));
  }
}

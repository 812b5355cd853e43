package io.dstream;

import static io.dstream.PlainWindows.windows;
import static io.dstream.StateTestSupport.checkpointInMemory;
import static io.dstream.TestData.perBatch;
import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The state of {@code updateStateByKey} and the results of the incremental {@code reduceByKeyAndWindow} are
 * updated in place on a copy of the previous batch's: a task that fails halfway through a partition and is
 * retried starts again from the previous batch's state or window, untouched by the failed attempt; and the
 * null key is a key like any other.
 */
@ExtendWith(TestStreamingContextExtension.class)
class StateAndWindowRetryTest {
  private static final int BATCHES = 12;
  private static final int FAILING_BATCH = 6;
  private static final int KEYS = 6;

  /**
   * Positive values over keys 0 to 5, each key in every batch (so that a failed attempt changes every state
   * it reaches), with key 0 replaced by the null key.
   */
  private static List<List<Tuple2<Integer, Integer>>> input(long seed) {
    return perBatch(TestData.randomPairs(seed, BATCHES, 20, 0, KEYS), batch -> {
      List<Tuple2<Integer, Integer>> records = new ArrayList<>(batch);
      for (int key = 0; key < KEYS; key++) {
        records.add(new Tuple2<>(key, 1));
      }
      return records.stream().map(p -> new Tuple2<>(p._1() == 0 ? null : p._1(), p._2() + 1)).toList();
    });
  }

  /** Each batch as a map that takes the null key (failing on a key seen twice). */
  private static <K, V> List<Map<K, V>> asMaps(CollectedOutput<Tuple2<K, V>> out) {
    return out.batches().stream().map(records -> {
      Map<K, V> map = new HashMap<>();
      records.forEach(
          record -> assertThat(map.put(record._1(), record._2())).as("key %s twice", record._1()).isNull());
      return map;
    }).toList();
  }

  private static Map<Integer, Integer> sums(List<Tuple2<Integer, Integer>> records) {
    Map<Integer, Integer> sums = new HashMap<>();
    records.forEach(p -> sums.merge(p._1(), p._2(), Integer::sum));
    return sums;
  }

  @Test
  void anUpdateThatFailsHalfwayThroughAPartitionIsRetriedFromThePreviousBatchsState(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = input(811);
    checkpointInMemory(t);
    AtomicBoolean failed = new AtomicBoolean();
    AtomicInteger batch = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    CollectedOutput<Tuple2<Integer, Integer>> out = t.collect(t.pairInputStream(input)
        .updateStateByKey((List<Integer> values, Optional<Integer> sum) -> {
          // One partition: the failed attempt has updated every key but the last.
          if (batch.get() == FAILING_BATCH && calls.incrementAndGet() == KEYS && failed.compareAndSet(false, true)) {
            throw new IllegalStateException("transient");
          }
          return Optional.of(sum.orElse(0) + values.stream().mapToInt(Integer::intValue).sum());
        }, 1));
    List<Map<Integer, Integer>> expected = new ArrayList<>();
    Map<Integer, Integer> state = new HashMap<>();
    for (List<Tuple2<Integer, Integer>> records : input) {
      records.forEach(p -> state.merge(p._1(), p._2(), Integer::sum));
      expected.add(new HashMap<>(state));
    }

    for (int i = 0; i < BATCHES; i++) {
      batch.set(i);
      t.runBatches(1);
    }

    assertThat(failed).isTrue();
    assertThat(asMaps(out)).isEqualTo(expected);
  }

  @Test
  void aWindowWhoseReduceFailsHalfwayThroughAPartitionIsRetriedFromThePreviousWindow(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = input(812);
    AtomicBoolean failed = new AtomicBoolean();
    AtomicInteger batch = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    CollectedOutput<Tuple2<Integer, Integer>> out = t.collect(t.pairInputStream(input)
        .reduceByKeyAndWindow(Integer::sum, (a, b) -> {
          // One partition: the failed attempt has taken every key's old values out but the last one's.
          if (batch.get() == FAILING_BATCH && calls.incrementAndGet() == KEYS && failed.compareAndSet(false, true)) {
            throw new IllegalStateException("transient");
          }
          return a - b;
        }, Durations.seconds(4), Durations.seconds(1), 1, null));
    List<Map<Integer, Integer>> expected = perBatch(windows(input, 4, 1, BATCHES),
        StateAndWindowRetryTest::sums);

    for (int i = 0; i < BATCHES; i++) {
      batch.set(i);
      t.runBatches(1);
    }

    assertThat(failed).isTrue();
    assertThat(asMaps(out)).isEqualTo(expected);
  }
}

package io.dstream;

import static io.dstream.StateTestSupport.checkpointInMemory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.JobFailedException;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Timeouts of {@code mapWithState}, on the manual clock with one-second batches and a three-second timeout:
 * a key idle for longer than the timeout is called once more, with no value and {@code isTimingOut()}, and
 * its state is then gone; records keep a key alive even when the function leaves its state alone.
 */
@ExtendWith(TestStreamingContextExtension.class)
class MapWithStateTimeoutTest {
  private static final Duration TIMEOUT = Durations.seconds(3);

  /** Describes every call: the batch time, the key, the value or "timing out", and the state it found. */
  private static final StateSpec<String, Integer, Integer, String> DESCRIBE_CALLS = StateSpec.function(
      (Time time, String key, Optional<Integer> value, State<Integer> state) -> {
        String call = time.milliseconds() / 1000 + "s " + key + " "
            + (state.isTimingOut() ? "timing out" : "value " + value.orElseThrow())
            + " found " + state.getOption().map(String::valueOf).orElse("nothing");
        if (!state.isTimingOut()) {
          state.update(value.get() + state.getOption().orElse(0));
        }
        return Optional.of(call);
      }).timeout(TIMEOUT);

  private static List<List<Tuple2<String, Integer>>> batches(List<List<String>> keysPerBatch) {
    return keysPerBatch.stream().map(keys -> keys.stream().map(k -> new Tuple2<>(k, 1)).toList()).toList();
  }

  private static List<String> allCalls(CollectedOutput<String> out) {
    List<String> calls = new ArrayList<>();
    out.batches().forEach(batch -> calls.addAll(batch.stream().sorted().toList()));
    return calls;
  }

  private static List<Set<String>> keysPerBatch(CollectedOutput<Tuple2<String, Integer>> snapshots) {
    List<Set<String>> keys = new ArrayList<>();
    snapshots.batches().forEach(batch -> {
      Set<String> set = new TreeSet<>();
      batch.forEach(kv -> set.add(kv._1()));
      keys.add(set);
    });
    return keys;
  }

  @Test
  void aKeyIdleForLongerThanTheTimeoutIsCalledOnceTimingOutAndThenRemoved(TestStreamingContext t) {
    checkpointInMemory(t);
    MapWithStateDStream<String, Integer, Integer, String> mapped = t.pairInputStream(batches(List.of(
        List.of("a", "b"), List.of("b"), List.of(), List.of("b")))).mapWithState(DESCRIBE_CALLS);
    CollectedOutput<String> calls = t.collect(mapped);
    CollectedOutput<Tuple2<String, Integer>> snapshots = t.collect(mapped.stateSnapshots());

    t.runBatches(9);

    // a was last updated at 1 s: idle for 3 s at 4 s (not longer than the timeout), for 4 s at 5 s.
    assertThat(allCalls(calls)).containsExactly(
        "1s a value 1 found nothing", "1s b value 1 found nothing",
        "2s b value 1 found 1",
        "4s b value 1 found 2",
        "5s a timing out found 1",
        "8s b timing out found 3");
    assertThat(keysPerBatch(snapshots)).containsExactly(Set.of("a", "b"), Set.of("a", "b"), Set.of("a", "b"),
        Set.of("a", "b"), Set.of("b"), Set.of("b"), Set.of("b"), Set.of(), Set.of());
  }

  @Test
  void aKeyThatTimedOutStartsAfreshWhenItsRecordsComeBack(TestStreamingContext t) {
    checkpointInMemory(t);
    CollectedOutput<String> calls = t.collect(t.pairInputStream(batches(List.of(
        List.of("a"), List.of(), List.of(), List.of(), List.of(), List.of("a")))).mapWithState(DESCRIBE_CALLS));

    t.runBatches(6);

    assertThat(allCalls(calls)).containsExactly("1s a value 1 found nothing", "5s a timing out found 1",
        "6s a value 1 found nothing");
  }

  @Test
  void recordsKeepAKeyAliveEvenWhenTheFunctionLeavesItsStateAlone(TestStreamingContext t) {
    checkpointInMemory(t);
    // Sets the state once, and afterwards only reads it.
    StateSpec<String, Integer, Integer, String> setOnce = StateSpec.function(
        (Time time, String key, Optional<Integer> value, State<Integer> state) -> {
          if (state.isTimingOut()) {
            return Optional.of(key + " timed out at " + time.milliseconds() / 1000 + "s");
          }
          if (!state.exists()) {
            state.update(0);
          }
          return Optional.<String>empty();
        }).timeout(TIMEOUT);
    CollectedOutput<String> timeouts = t.collect(t.pairInputStream(batches(List.of(
        List.of("c"), List.of(), List.of("c"), List.of(), List.of("c")))).mapWithState(setOnce));

    t.runBatches(10);

    // Last record at 5 s: idle for 4 s at 9 s. Without the refresh it would have timed out at 5 s.
    assertThat(allCalls(timeouts)).containsExactly("c timed out at 9s");
  }

  @Test
  void theInitialStatesTimeoutCountsFromTheFirstBatch(TestStreamingContext t) {
    checkpointInMemory(t);
    CollectedOutput<String> calls = t.collect(t.pairInputStream(batches(List.of(List.of(), List.of())))
        .mapWithState(DESCRIBE_CALLS.initialState(t.context().parallelizePairs(List.of(new Tuple2<>("old", 7))))));

    t.runBatches(6);

    assertThat(allCalls(calls)).containsExactly("5s old timing out found 7");
  }

  @Test
  void updatingAStateThatIsTimingOutFailsTheBatch(TestStreamingContext t) {
    checkpointInMemory(t);
    t.collect(t.pairInputStream(batches(List.of(List.of("k")))).mapWithState(StateSpec.function(
        (String key, Optional<Integer> value, State<Integer> state) -> {
          state.update(state.getOption().orElse(0) + 1);
          return key;
        }).timeout(Durations.seconds(1))));
    t.runBatches(2);

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot update the state of the key k: it is timing out");
  }

  @Test
  void removingAStateThatIsTimingOutFailsTheBatch(TestStreamingContext t) {
    checkpointInMemory(t);
    t.collect(t.pairInputStream(batches(List.of(List.of("k")))).mapWithState(StateSpec.function(
        (String key, Optional<Integer> value, State<Integer> state) -> {
          if (state.isTimingOut()) {
            state.remove();
          } else {
            state.update(1);
          }
          return key;
        }).timeout(Durations.seconds(1))));
    t.runBatches(2);

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot remove the state of the key k: it is timing out");
  }
}

package io.dstream;

import static io.dstream.StateTestSupport.checkpointInMemory;
import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.internal.ContextAccess;
import io.dstream.internal.RuntimeStatus;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a monitor reads of a running context beyond its listener events: input streams with their receivers,
 * blocks waiting for a batch, and the keys each state stream holds after each batch.
 */
@ExtendWith(TestStreamingContextExtension.class)
class RuntimeStatusTest {

  private static RuntimeStatus status(TestStreamingContext t) {
    return ContextAccess.runtime(t.context()).status();
  }

  @Test
  void inputStreamsAreListedWithTheirNamesAndReceiversAndStoredBlocksWaitUntilABatchTakesThem(
      TestStreamingContext t) {
    CommandedReceiver receiver = new CommandedReceiver();
    ReceiverInputDStream<String> received = t.context().receiverStream(receiver);
    DStream<String> queued = t.inputStream(List.of(List.of("q")));
    queued.name("orders");
    t.collect(received.union(queued));
    t.runBatches(0);

    receiver.store(List.of("a", "b"));
    receiver.store(List.of("c"));
    int waitingBeforeBatch = status(t).blocksWaiting();
    t.runBatches(1);

    List<RuntimeStatus.InputStream> inputs = status(t).inputStreams();
    assertThat(inputs).extracting(RuntimeStatus.InputStream::id).containsExactly(received.id(),
        ((InputDStream<String>) queued).id());
    assertThat(inputs.get(0).operation()).isEqualTo("receiverStream");
    assertThat(inputs.get(0).receiver()).hasValueSatisfying(info -> assertThat(info.active()).isTrue());
    assertThat(inputs.get(1).name()).isEqualTo("orders");
    assertThat(inputs.get(1).receiver()).isEmpty();
    assertThat(waitingBeforeBatch).isEqualTo(2);
    assertThat(status(t).blocksWaiting()).isZero();
    assertThat(status(t).droppedListenerEvents()).isZero();
  }

  @Test
  void stateStreamsCountTheKeysOfTheirLatestCompletedBatchAsAPlainSetDoes(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = TestData.randomPairs(77, 6, 30, 0, 50);
    checkpointInMemory(t);
    PairDStream<Integer, Integer> pairs = t.pairInputStream(input);
    PairDStream<Integer, Integer> sums = pairs.updateStateByKey(
        (List<Integer> values, Optional<Integer> state) -> Optional.of(state.orElse(0) + values.size()));
    // Keys with an even running count are removed, so the count can fall as well as rise.
    MapWithStateDStream<Integer, Integer, Integer, Integer> parity = pairs.mapWithState(
        StateSpec.function((Integer key, Optional<Integer> value, State<Integer> state) -> {
          int count = state.getOption().orElse(0) + 1;
          if (count % 2 == 0) {
            state.remove();
          } else {
            state.update(count);
          }
          return count;
        }));
    t.collect(sums);
    t.collect(parity);
    assertThat(status(t).stateStreams()).extracting(RuntimeStatus.StateStream::keys)
        .containsExactly(OptionalLong.empty(), OptionalLong.empty());

    Set<Integer> seen = new HashSet<>();
    Map<Integer, Integer> counts = new HashMap<>();
    for (List<Tuple2<Integer, Integer>> batch : input) {
      t.runBatches(1);
      batch.forEach(pair -> {
        seen.add(pair._1());
        counts.merge(pair._1(), 1, Integer::sum);
      });
      long odd = counts.values().stream().filter(count -> count % 2 == 1).count();

      assertThat(status(t).stateStreams()).extracting(RuntimeStatus.StateStream::keys)
          .containsExactly(OptionalLong.of(seen.size()), OptionalLong.of(odd));
      assertThat(status(t).stateKeys(status(t).stateStreams().get(1).id())).isEqualTo(OptionalLong.of(odd));
    }
    assertThat(status(t).stateStreams()).extracting(RuntimeStatus.StateStream::name)
        .containsExactly("updateStateByKey", "mapWithState");
    assertThat(status(t).stateKeys(status(t).inputStreams().get(0).id())).as("an input stream holds no state").isEmpty();
  }
}

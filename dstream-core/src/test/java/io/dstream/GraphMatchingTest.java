package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Recovery restores data into the graph the factory builds, so the graph must be the one the checkpoint was
 * written for: streams are matched by their stable key (a {@code .name(...)}, or the position in creation
 * order), and a graph that no longer matches is refused with a message that names the first difference and
 * says what to do.
 */
class GraphMatchingTest {
  private final MemoryInputDirectory input = new MemoryInputDirectory();
  private final String checkpoints = input.uri("/checkpoints");
  private final List<TestStreamingContext> runs = new ArrayList<>();

  @AfterEach
  void close() {
    runs.forEach(TestStreamingContext::close);
    input.close();
  }

  /** Runs a program for one batch and stops, leaving a checkpoint. */
  private void runOnce(Consumer<StreamingContext> program) {
    TestStreamingContext t = newContext(Durations.seconds(1));
    program.accept(t.context());
    t.recoverFrom(checkpoints);
    t.runBatches(1);
    t.close();
  }

  private TestStreamingContext newContext(Duration batchDuration) {
    TestStreamingContext t = TestStreamingContext.create(batchDuration);
    runs.add(t);
    return t;
  }

  /** Builds a program on a new context and recovers it from the checkpoint; returns the context. */
  private TestStreamingContext recover(Consumer<StreamingContext> program) {
    TestStreamingContext t = newContext(Durations.seconds(1));
    program.accept(t.context());
    t.recoverFrom(checkpoints);
    return t;
  }

  private void mapThenPrint(StreamingContext ssc) {
    ssc.textFileStream(input.uri()).map(String::trim).print();
  }

  @Test
  void anotherOperationAtTheSamePlaceIsRefusedNamingBothAndWhatToDo() {
    runOnce(this::mapThenPrint);

    TestStreamingContext changed = newContext(Durations.seconds(1));
    changed.context().textFileStream(input.uri()).filter(line -> !line.isEmpty()).print();
    assertThatThrownBy(() -> changed.recoverFrom(checkpoints))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(checkpoints)
        .hasMessageContaining("stream 1 was 'map' in the checkpoint but is 'filter' now")
        .hasMessageContaining("Restore the graph the checkpoint was written with")
        .hasMessageContaining("delete the checkpoint directory to start afresh");
    assertThat(changed.context().getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void aRemovedStreamIsRefused() {
    runOnce(this::mapThenPrint);

    assertThatThrownBy(() -> recover(ssc -> ssc.textFileStream(input.uri()).print()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream 1 was 'map' in the checkpoint but is 'print' now");
  }

  @Test
  void anAddedStreamIsRefused() {
    runOnce(this::mapThenPrint);

    assertThatThrownBy(() -> recover(ssc -> {
      mapThenPrint(ssc);
      ssc.textFileStream(input.uri()).count().print();
    })).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream 3 ('fileStream') is new: the checkpoint has no such stream");
  }

  @Test
  void aStreamReadingFromAnotherParentIsRefused() {
    runOnce(ssc -> {
      DStream<String> a = ssc.textFileStream(input.uri());
      ssc.textFileStream(input.uri("/other"));
      a.map(String::trim).print();
    });

    assertThatThrownBy(() -> recover(ssc -> {
      ssc.textFileStream(input.uri());
      DStream<String> b = ssc.textFileStream(input.uri("/other"));
      b.map(String::trim).print();
    })).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream 2 ('map') was computed from [stream 0] in the checkpoint but from [stream 1] now");
  }

  @Test
  void namedStreamsMatchWhateverOrderTheyAreCreatedIn() {
    runOnce(ssc -> {
      DStream<String> orders = ssc.textFileStream(input.uri()).name("orders");
      DStream<String> returns = ssc.textFileStream(input.uri("/returns")).name("returns");
      orders.union(returns).name("all").print();
    });

    TestStreamingContext reordered = recover(ssc -> {
      DStream<String> returns = ssc.textFileStream(input.uri("/returns")).name("returns");
      DStream<String> orders = ssc.textFileStream(input.uri()).name("orders");
      orders.union(returns).name("all").print();
    });
    assertThat(reordered.context().getState()).isEqualTo(StreamingContextState.INITIALIZED);
  }

  @Test
  void withoutNamesTheSameStreamsCreatedInAnotherOrderAreRefused() {
    runOnce(ssc -> ssc.textFileStream(input.uri()).union(ssc.textFileStream(input.uri("/returns"))).print());

    assertThatThrownBy(() -> recover(ssc -> {
      DStream<String> returns = ssc.textFileStream(input.uri("/returns"));
      ssc.textFileStream(input.uri()).union(returns).print();
    })).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream 2 ('union') was computed from [stream 0, stream 1] in the checkpoint but "
            + "from [stream 1, stream 0] now");
  }

  @Test
  void aRenamedStreamIsRefusedByItsOldName() {
    runOnce(ssc -> ssc.textFileStream(input.uri()).name("orders").print());

    assertThatThrownBy(() -> recover(ssc -> ssc.textFileStream(input.uri()).name("purchases").print()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream 'orders' ('fileStream') of the checkpoint does not exist now");
  }

  @Test
  void anotherBatchDurationIsRefused() {
    runOnce(this::mapThenPrint);

    TestStreamingContext slower = newContext(Durations.seconds(2));
    mapThenPrint(slower.context());
    assertThatThrownBy(() -> slower.recoverFrom(checkpoints))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("batch duration of 1000 ms")
        .hasMessageContaining("the new context has 2000 ms")
        .hasMessageContaining("delete the checkpoint directory");
  }

  @Test
  void streamsDefinedAfterRecoveryCountWhenTheContextStarts() {
    runOnce(this::mapThenPrint);
    TestStreamingContext t = recover(this::mapThenPrint);
    t.context().textFileStream(input.uri()).print();

    assertThatThrownBy(() -> t.runBatches(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream 3 ('fileStream') is new");
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.RDD;
import io.dstream.storage.StorageLevel;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery restores data into the graph the factory builds, so the graph must be the one the checkpoint was
 * written for: streams are matched by their stable key (a {@code .name(...)}, or the position in creation
 * order), and a graph that no longer matches (another operation, parent or parameter, such as a file
 * stream's directory or a window's length) is refused with a message that names the first difference and
 * says what to do. Functions and tuning (partition counts, storage levels, checkpoint intervals) may change.
 */
class GraphMatchingTest {
  private final MemoryInputDirectory input = new MemoryInputDirectory();
  private final String checkpoints = input.uri("/checkpoints");
  private final List<TestStreamingContext> runs = new ArrayList<>();
  @TempDir
  Path outputs;

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
        .hasMessageContaining("the directory of stream 0 ('fileStream') was " + input.uri() + " in the checkpoint "
            + "but is " + input.uri("/returns") + " now");
  }

  @Test
  void aRenamedStreamIsRefusedByItsOldName() {
    runOnce(ssc -> ssc.textFileStream(input.uri()).name("orders").print());

    assertThatThrownBy(() -> recover(ssc -> ssc.textFileStream(input.uri()).name("purchases").print()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream 'orders' ('fileStream') of the checkpoint does not exist now");
  }

  @Test
  void aFileStreamReadingAnotherDirectoryIsRefusedNamingBothDirectoriesAndWhatToDo() {
    runOnce(this::mapThenPrint);
    String moved = input.uri("/moved");

    TestStreamingContext changed = newContext(Durations.seconds(1));
    changed.context().textFileStream(moved).map(String::trim).print();
    assertThatThrownBy(() -> changed.recoverFrom(checkpoints))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(checkpoints)
        .hasMessageContaining("the directory of stream 0 ('fileStream') was " + input.uri() + " in the checkpoint "
            + "but is " + moved + " now")
        .hasMessageContaining("Restore the graph the checkpoint was written with")
        .hasMessageContaining("delete the checkpoint directory to start afresh");
    assertThat(changed.context().getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void aFileStreamThatNoLongerTakesOnlyNewFilesIsRefused() {
    runOnce(ssc -> ssc.fileStream(input.uri(), file -> true, true).print());

    assertThatThrownBy(() -> recover(ssc -> ssc.fileStream(input.uri(), file -> true, false).print()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the newFilesOnly of stream 0 ('fileStream') was true in the checkpoint but is false "
            + "now");
  }

  @Test
  void aWindowOfAnotherLengthOrSlideIsRefusedNamingTheDuration() {
    runOnce(ssc -> ssc.textFileStream(input.uri()).window(Durations.seconds(3), Durations.seconds(1)).print());

    assertThatThrownBy(() -> recover(ssc -> ssc.textFileStream(input.uri())
        .window(Durations.seconds(4), Durations.seconds(1)).print()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the window duration of stream 1 ('window') was 3000 ms in the checkpoint but is "
            + "4000 ms now");
    assertThatThrownBy(() -> recover(ssc -> ssc.textFileStream(input.uri())
        .window(Durations.seconds(3), Durations.seconds(3)).print()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the slide duration of stream 1 ('window') was 1000 ms in the checkpoint but is "
            + "3000 ms now");
  }

  @Test
  void anIncrementalWindowOfAnotherLengthIsRefused() {
    runOnce(ssc -> countsOf(ssc).reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Durations.seconds(4),
        Durations.seconds(2)).print());

    assertThatThrownBy(() -> recover(ssc -> countsOf(ssc).reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
        Durations.seconds(6), Durations.seconds(2)).print()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the window duration of stream 3 ('reduceByKeyAndWindow') was 4000 ms in the "
            + "checkpoint but is 6000 ms now");
  }

  @Test
  void aMapWithStateThatGainedATimeoutIsRefused() {
    runOnce(ssc -> countsOf(ssc).mapWithState(StateSpec.function(
        (String key, Optional<Integer> one, State<Integer> count) -> key)).print());

    assertThatThrownBy(() -> recover(ssc -> countsOf(ssc).mapWithState(StateSpec.function(
        (String key, Optional<Integer> one, State<Integer> count) -> key).timeout(Durations.seconds(5))).print()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the timeout of stream 2 ('mapWithState') was none in the checkpoint but is 5000 ms "
            + "now");
  }

  @Test
  void aQueueStreamThatTakesAllQueuedRddsInsteadOfOneIsRefused() {
    runOnce(ssc -> ssc.queueStream(new ArrayDeque<RDD<String>>(), true).print());

    assertThatThrownBy(() -> recover(ssc -> ssc.queueStream(new ArrayDeque<RDD<String>>(), false).print()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the oneAtATime of stream 0 ('queueStream') was true in the checkpoint but is false "
            + "now");
  }

  /**
   * The state counts a word's lines since the first run; between the runs, only tuning changes: partition
   * counts, storage levels, checkpoint intervals, what print shows and where saveAsTextFiles writes.
   */
  @Test
  void tuningThatLeavesTheRecordsAloneMayChangeAndTheStateIsRestoredIntoIt() {
    TestStreamingContext first = newContext(Durations.seconds(1));
    CollectedOutput<Tuple2<String, Integer>> before = tunedCounts(first.context(), 2, StorageLevel.MEMORY_ONLY,
        Durations.seconds(1), 3, outputs.resolve("a"), first);
    first.recoverFrom(checkpoints);
    input.put("f1", 500, "a", "b");
    first.runBatches(1);
    first.close();
    input.put("f2", 1_500, "a");

    TestStreamingContext second = newContext(Durations.seconds(1));
    CollectedOutput<Tuple2<String, Integer>> after = tunedCounts(second.context(), 3,
        StorageLevel.MEMORY_AND_DISK_SER, Durations.seconds(2), 10, outputs.resolve("b"), second);
    assertThat(second.recoverFrom(checkpoints)).isTrue();
    second.runBatches(1);

    assertThat(TestData.asMap(before.batches().get(0))).isEqualTo(Map.of("a", 1, "b", 1));
    assertThat(TestData.asMap(after.batches().get(0))).isEqualTo(Map.of("a", 2, "b", 1));
  }

  private CollectedOutput<Tuple2<String, Integer>> tunedCounts(StreamingContext ssc, int partitions,
      StorageLevel level, Duration checkpointInterval, int printed, Path outputPrefix, TestStreamingContext t) {
    PairDStream<String, Integer> state = countsOf(ssc).reduceByKey(Integer::sum, partitions).persist(level)
        .updateStateByKey((List<Integer> counts, Optional<Integer> sum) ->
            Optional.of(counts.stream().mapToInt(Integer::intValue).sum() + sum.orElse(0)), partitions)
        .checkpoint(checkpointInterval);
    state.print(printed);
    state.saveAsTextFiles(outputPrefix.toString());
    return t.collect(state);
  }

  /** Each line of the input directory as the pair (line, 1). */
  private PairDStream<String, Integer> countsOf(StreamingContext ssc) {
    return ssc.textFileStream(input.uri()).mapToPair(line -> new Tuple2<>(line, 1));
  }

  @Test
  void withCreateOnErrorAChangedParameterStartsAfreshAsAChangedOperationDoes() {
    runOnce(this::mapThenPrint);

    TestStreamingContext lenient = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().set("dstream.checkpoint.createOnError", "true"));
    runs.add(lenient);
    lenient.context().textFileStream(input.uri("/moved")).map(String::trim).print();
    try (CapturedLog log = CapturedLog.of("io.dstream.internal.StreamingRuntime")) {
      assertThat(lenient.recoverFrom(checkpoints)).isFalse();

      assertThat(log.messagesStartingWith("Starting afresh (dstream.checkpoint.createOnError=true)"))
          .singleElement().asString().contains("the directory of stream 0 ('fileStream') was " + input.uri());
    }
    assertThat(lenient.context().getState()).isEqualTo(StreamingContextState.INITIALIZED);
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

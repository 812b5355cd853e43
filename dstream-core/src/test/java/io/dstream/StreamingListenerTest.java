package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.rdd.RDD;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.OutputOperationInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchStarted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import io.dstream.scheduler.StreamingListenerEvent;
import io.dstream.scheduler.StreamingListenerStreamingStarted;
import io.dstream.testing.TestStreamingContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingListenerTest {
  private final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
  private final RecordingListener listener = new RecordingListener();

  StreamingListenerTest() {
    t.context().addStreamingListener(listener);
  }

  @AfterEach
  void close() {
    t.close();
  }

  /** Runs batches with System.out captured, so that print() does not clutter the build log. */
  private void runBatchesQuietly(int n) {
    PrintStream original = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      t.runBatches(n);
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void eventsOfABatchComeInOrderWithOutputOperationsInDefinitionOrder() {
    DStream<Integer> in = t.inputStream(List.of(List.of(1, 2), List.of(3)));
    t.collect(in);
    in.print();
    t.collect(in.map(x -> x + 1));

    runBatchesQuietly(2);

    List<String> perBatch = List.of(
        "batchSubmitted %s", "batchStarted %s",
        "opStarted %s #0", "opCompleted %s #0",
        "opStarted %s #1", "opCompleted %s #1",
        "opStarted %s #2", "opCompleted %s #2",
        "batchCompleted %s");
    List<String> expected = new ArrayList<>();
    expected.add("streamingStarted");
    for (String time : List.of("1000 ms", "2000 ms")) {
      perBatch.forEach(line -> expected.add(String.format(line, time)));
    }
    assertThat(listener.eventNames()).containsExactlyElementsOf(expected);
  }

  @Test
  void streamingStartedIsPostedOnceWithTheStartTime() {
    t.collect(t.inputStream(List.of(List.of(1))));

    t.runBatches(3);

    List<StreamingListenerEvent> started = listener.events().stream()
        .filter(e -> e instanceof StreamingListenerStreamingStarted).toList();
    assertThat(started).containsExactly(new StreamingListenerStreamingStarted(0));
    assertThat(listener.events().get(0)).isInstanceOf(StreamingListenerStreamingStarted.class);
  }

  @Test
  void batchInfoCarriesTheBatchTimeRecordCountAndZeroDelaysOnTheManualClock() {
    t.collect(t.inputStream(List.of(List.of(1, 2, 3), List.of(), List.of(4))));

    t.runBatches(3);

    List<BatchInfo> batches = listener.completedBatches();
    assertThat(batches).extracting(BatchInfo::batchTime)
        .containsExactly(new Time(1000), new Time(2000), new Time(3000));
    assertThat(batches).extracting(BatchInfo::numRecords).containsExactly(3L, 0L, 1L);
    for (BatchInfo batch : batches) {
      long time = batch.batchTime().milliseconds();
      assertThat(batch.submissionTime()).isEqualTo(time);
      assertThat(batch.processingStartTime()).contains(time);
      assertThat(batch.processingEndTime()).contains(time);
      assertThat(batch.schedulingDelay()).contains(0L);
      assertThat(batch.processingDelay()).contains(0L);
      assertThat(batch.totalDelay()).contains(0L);
      assertThat(batch.hasFailure()).isFalse();
    }
  }

  @Test
  void numRecordsAddsUpEveryQueueInput() {
    DStream<Integer> a = t.inputStream(List.of(List.of(1, 2), List.of(3)));
    DStream<Integer> b = t.inputStream(List.of(List.of(10, 20, 30)));
    t.collect(a.union(b));

    t.runBatches(3);

    assertThat(listener.completedBatches()).extracting(BatchInfo::numRecords).containsExactly(5L, 1L, 0L);
  }

  @Test
  void numRecordsOfAQueueStreamTakingEveryQueuedRdd() {
    Queue<RDD<String>> queue = new ArrayDeque<>();
    queue.add(t.context().parallelize(List.of("a", "b")));
    queue.add(t.context().parallelize(List.of("c")));
    t.collect(t.context().queueStream(queue, false));

    t.runBatches(1);

    assertThat(listener.completedBatches()).extracting(BatchInfo::numRecords).containsExactly(3L);
  }

  @Test
  void submittedAndStartedEventsShowTheBatchBeforeItEnds() {
    t.collect(t.inputStream(List.of(List.of(1))));

    t.runBatches(1);

    BatchInfo submitted = listener.events().stream()
        .filter(e -> e instanceof StreamingListenerBatchSubmitted)
        .map(e -> ((StreamingListenerBatchSubmitted) e).batchInfo()).findFirst().orElseThrow();
    BatchInfo started = listener.events().stream()
        .filter(e -> e instanceof StreamingListenerBatchStarted)
        .map(e -> ((StreamingListenerBatchStarted) e).batchInfo()).findFirst().orElseThrow();
    assertThat(submitted.processingStartTime()).isEmpty();
    assertThat(submitted.processingEndTime()).isEmpty();
    assertThat(submitted.totalDelay()).isEmpty();
    assertThat(submitted.outputOperationInfos().get(0).startTime()).isEmpty();
    assertThat(started.processingStartTime()).contains(1000L);
    assertThat(started.processingEndTime()).isEmpty();
    assertThat(started.processingDelay()).isEmpty();
  }

  @Test
  void outputOperationInfosNameTheOperationAndWhereItWasDefined() {
    DStream<Integer> in = t.inputStream(List.of(List.of(1)));
    in.foreachRDD(rdd -> rdd.count());
    int foreachLine = currentLine() - 1;
    in.print();
    int printLine = currentLine() - 1;

    runBatchesQuietly(1);

    Map<Integer, OutputOperationInfo> outputs = listener.completedBatches().get(0).outputOperationInfos();
    assertThat(outputs).containsOnlyKeys(0, 1);
    OutputOperationInfo foreach = outputs.get(0);
    assertThat(foreach.name()).isEqualTo("foreachRDD");
    assertThat(foreach.description()).isEqualTo("foreachRDD at StreamingListenerTest.java:" + foreachLine);
    assertThat(outputs.get(1).name()).isEqualTo("print");
    assertThat(outputs.get(1).description()).isEqualTo("print at StreamingListenerTest.java:" + printLine);
    for (OutputOperationInfo info : outputs.values()) {
      assertThat(info.batchTime()).isEqualTo(new Time(1000));
      assertThat(info.startTime()).contains(1000L);
      assertThat(info.endTime()).contains(1000L);
      assertThat(info.duration()).contains(0L);
      assertThat(info.failure()).isEmpty();
    }
    assertThat(listener.completedOutputOperations()).extracting(OutputOperationInfo::id).containsExactly(0, 1);
  }

  @Test
  void aListenerThatThrowsDoesNotStopDeliveryToOthers() {
    StreamingListener throwsRuntime = new StreamingListener() {
      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted event) {
        throw new IllegalStateException("listener bug");
      }
    };
    StreamingListener throwsError = new StreamingListener() {
      @Override
      public void onBatchSubmitted(StreamingListenerBatchSubmitted event) {
        throw new AssertionError("listener assertion");
      }
    };
    t.context().removeStreamingListener(listener);
    t.context().addStreamingListener(throwsRuntime);
    t.context().addStreamingListener(throwsError);
    t.context().addStreamingListener(listener);
    t.collect(t.inputStream(List.of(List.of(1), List.of(2))));

    t.runBatches(2);

    assertThat(listener.completedBatches()).extracting(BatchInfo::batchTime)
        .containsExactly(new Time(1000), new Time(2000));
    assertThat(listener.eventNames()).filteredOn(name -> name.startsWith("batchSubmitted")).hasSize(2);
  }

  @Test
  void aRemovedListenerReceivesNoMoreEvents() {
    t.collect(t.inputStream(List.of(List.of(1), List.of(2))));
    t.runBatches(1);

    t.context().removeStreamingListener(listener);
    t.runBatches(1);

    assertThat(listener.completedBatches()).extracting(BatchInfo::batchTime).containsExactly(new Time(1000));
  }

  @Test
  void aBatchWithoutJobsStillReportsSubmittedStartedAndCompleted() {
    DStream<Integer> in = t.inputStream(List.of(List.of(1)));
    // A stream sliding every 2 batches has no RDD at odd batch times, so its output has no job then.
    t.collect(DoubledSlideStreamNode.everySecondBatch(in));

    t.runBatches(1);

    assertThat(listener.eventNames()).containsExactly(
        "streamingStarted", "batchSubmitted 1000 ms", "batchStarted 1000 ms", "batchCompleted 1000 ms");
    assertThat(listener.completedBatches().get(0).outputOperationInfos()).isEmpty();
  }

  private static int currentLine() {
    return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow()).getLineNumber();
  }
}

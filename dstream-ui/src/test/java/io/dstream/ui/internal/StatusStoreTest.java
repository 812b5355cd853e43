package io.dstream.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Time;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.OutputOperationInfo;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchStarted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import io.dstream.scheduler.StreamingListenerOutputOperationCompleted;
import io.dstream.scheduler.StreamingListenerOutputOperationStarted;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The status store fed events by hand, as the listener bus may deliver them: with some dropped (the bus drops
 * events when a listener is slow) or out of their usual order; memory stays bounded and a batch's state never
 * goes back.
 */
class StatusStoreTest {
  private static final int RETAINED = 5;
  private static final long INTERVAL_MS = 1000;

  private final StatusStore store = new StatusStore(INTERVAL_MS, RETAINED);

  private static OutputOperationInfo operation(long batch, int id, Long start, Long end) {
    return new OutputOperationInfo(new Time(batch), id, "foreachRDD", "foreachRDD at Test.java:" + id,
        Optional.ofNullable(start), Optional.ofNullable(end), Optional.empty());
  }

  /** A batch of two output operations, each at the given stage. */
  private static BatchInfo batch(long time, Long start, Long end, OutputOperationInfo... operations) {
    Map<Integer, OutputOperationInfo> byId = new TreeMap<>();
    for (int id = 0; id < 2; id++) {
      byId.put(id, operation(time, id, null, null));
    }
    for (OutputOperationInfo operation : operations) {
      byId.put(operation.id(), operation);
    }
    return new BatchInfo(new Time(time), Map.of(0, 3L), time + 1, Optional.ofNullable(start),
        Optional.ofNullable(end), byId);
  }

  private static BatchInfo submitted(long time) {
    return batch(time, null, null);
  }

  private static BatchInfo started(long time) {
    return batch(time, time + 2, null);
  }

  private static BatchInfo completed(long time) {
    return batch(time, time + 2, time + 9, operation(time, 0, time + 2, time + 5),
        operation(time, 1, time + 5, time + 9));
  }

  @Test
  void activeBatchesWhoseCompletionNeverArrivesAreBoundedByRetainedBatches() {
    int batches = RETAINED * 20;
    IntStream.rangeClosed(1, batches).forEach(i -> {
      store.onBatchSubmitted(new StreamingListenerBatchSubmitted(submitted(i * INTERVAL_MS)));
      store.onBatchStarted(new StreamingListenerBatchStarted(started(i * INTERVAL_MS)));
    });

    StatusSnapshot snapshot = store.snapshot();

    assertThat(snapshot.activeBatches()).extracting(BatchSummary::batchTimeMs)
        .containsExactlyElementsOf(IntStream.iterate(batches, i -> i - 1).limit(RETAINED)
            .mapToObj(i -> i * INTERVAL_MS).toList());
  }

  @Test
  void aLateEventOfACompletedBatchDoesNotMakeItActiveAgain() {
    long time = INTERVAL_MS;
    store.onBatchCompleted(new StreamingListenerBatchCompleted(completed(time)));
    store.onBatchStarted(new StreamingListenerBatchStarted(started(time)));
    store.onBatchSubmitted(new StreamingListenerBatchSubmitted(submitted(time)));
    store.onOutputOperationCompleted(new StreamingListenerOutputOperationCompleted(operation(time, 0, 1L, 2L)));

    StatusSnapshot snapshot = store.snapshot();

    assertThat(snapshot.activeBatches()).isEmpty();
    assertThat(snapshot.completedBatches()).singleElement().isEqualTo(BatchSummary.of(completed(time)));
    assertThat(snapshot.batchesCompleted()).isEqualTo(1);
  }

  @Test
  void aSubmittedEventAfterTheStartedOneDoesNotTakeBackTheStart() {
    long time = INTERVAL_MS;
    store.onBatchStarted(new StreamingListenerBatchStarted(started(time)));
    store.onBatchSubmitted(new StreamingListenerBatchSubmitted(submitted(time)));

    assertThat(store.snapshot().activeBatches()).singleElement()
        .extracting(BatchSummary::status).isEqualTo("processing");
  }

  @Test
  void aRepeatedCompletionIsCountedOnce() {
    store.onBatchCompleted(new StreamingListenerBatchCompleted(completed(INTERVAL_MS)));
    store.onBatchCompleted(new StreamingListenerBatchCompleted(completed(INTERVAL_MS)));

    StatusSnapshot snapshot = store.snapshot();

    assertThat(snapshot.batchesCompleted()).isEqualTo(1);
    assertThat(snapshot.recordsProcessed()).isEqualTo(3);
    assertThat(snapshot.completedBatches()).hasSize(1);
  }

  @Test
  void anActiveBatchsOutputOperationsFollowTheirOwnEvents() {
    long time = INTERVAL_MS;
    store.onBatchSubmitted(new StreamingListenerBatchSubmitted(submitted(time)));
    store.onBatchStarted(new StreamingListenerBatchStarted(batch(time, time + 2, null,
        operation(time, 0, time + 2, null))));
    store.onOutputOperationStarted(new StreamingListenerOutputOperationStarted(operation(time, 0, time + 2, null)));
    store.onOutputOperationCompleted(
        new StreamingListenerOutputOperationCompleted(operation(time, 0, time + 2, time + 5)));
    store.onOutputOperationStarted(new StreamingListenerOutputOperationStarted(operation(time, 1, time + 5, null)));

    BatchSummary active = store.snapshot().activeBatches().get(0);

    assertThat(active.outputOperations()).extracting(BatchSummary.OutputOperationSummary::durationMs)
        .containsExactly(OptionalLong.of(3), OptionalLong.empty());
    assertThat(active.outputOperations().get(1).startTimeMs()).hasValue(time + 5);
  }

  @Test
  void outputOperationEventsOfUnknownBatchesAreIgnored() {
    store.onOutputOperationStarted(new StreamingListenerOutputOperationStarted(operation(7000, 0, 1L, null)));
    store.onOutputOperationCompleted(new StreamingListenerOutputOperationCompleted(operation(7000, 0, 1L, 2L)));

    StatusSnapshot snapshot = store.snapshot();

    assertThat(snapshot.activeBatches()).isEmpty();
    assertThat(snapshot.completedBatches()).isEmpty();
  }

  @Test
  void evictedCompletedBatchesLeaveNothingBehind() {
    int batches = RETAINED * 3;
    IntStream.rangeClosed(1, batches).forEach(i -> {
      store.onBatchSubmitted(new StreamingListenerBatchSubmitted(submitted(i * INTERVAL_MS)));
      store.onBatchCompleted(new StreamingListenerBatchCompleted(completed(i * INTERVAL_MS)));
    });
    // A late event of an evicted batch finds it neither active nor retained: it may become active, within bounds.
    store.onBatchStarted(new StreamingListenerBatchStarted(started(INTERVAL_MS)));

    StatusSnapshot snapshot = store.snapshot();

    assertThat(snapshot.completedBatches()).hasSize(RETAINED);
    assertThat(snapshot.activeBatches().size()).isLessThanOrEqualTo(RETAINED);
    assertThat(snapshot.batchesCompleted()).isEqualTo(batches);
  }
}

package io.dstream.ui.internal;

import io.dstream.scheduler.OutputOperationInfo;
import io.dstream.scheduler.ReceiverInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchStarted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import io.dstream.scheduler.StreamingListenerOutputOperationCompleted;
import io.dstream.scheduler.StreamingListenerOutputOperationStarted;
import io.dstream.scheduler.StreamingListenerReceiverError;
import io.dstream.scheduler.StreamingListenerReceiverStarted;
import io.dstream.scheduler.StreamingListenerReceiverStopped;
import io.dstream.scheduler.StreamingListenerStreamingStarted;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the status page shows, kept from the context's listener events: the totals since the start, the
 * active batches, the latest {@code retainedBatches} completed ones and each receiver's state.
 *
 * <p>Events arrive on the listener bus's thread and reads on the HTTP server's threads; one lock guards the
 * state, held only to update it (constant work per event) or to copy it into a {@link StatusSnapshot}. The
 * batches themselves are immutable, so a copy is a copy of references. The batch path never waits for this:
 * the bus delivers asynchronously.
 *
 * <p>The bus drops events when a listener falls behind, so the store expects gaps: a batch whose completion
 * never arrives stays active only until {@code retainedBatches} newer batches are active, and a late event of a
 * completed batch does not make it active again.
 */
final class StatusStore implements StreamingListener {
  private final long batchIntervalMs;
  private final int retainedBatches;

  private final Object lock = new Object();
  private long startTimeMs = -1;
  private long batchesCompleted;
  private long failedBatches;
  private long recordsProcessed;
  /** Submitted and not completed, by batch time; at most {@code retainedBatches}. */
  private final TreeMap<Long, BatchSummary> active = new TreeMap<>();
  /** The latest completed, oldest first. */
  private final ArrayDeque<BatchSummary> completed = new ArrayDeque<>();
  /** The times of the batches in {@link #completed}, to recognise a late event of one in constant time. */
  private final Set<Long> completedTimes = new HashSet<>();
  private final TreeMap<Integer, ReceiverSummary> receivers = new TreeMap<>();

  /**
   * Creates an empty store.
   *
   * @param batchIntervalMs the context's batch interval
   * @param retainedBatches how many completed batches to keep, and at most how many active ones
   * @throws IllegalArgumentException if {@code retainedBatches} is not positive
   */
  StatusStore(long batchIntervalMs, int retainedBatches) {
    if (retainedBatches <= 0) {
      throw new IllegalArgumentException("retainedBatches is " + retainedBatches + "; keep at least 1 batch");
    }
    this.batchIntervalMs = batchIntervalMs;
    this.retainedBatches = retainedBatches;
  }

  @Override
  public void onStreamingStarted(StreamingListenerStreamingStarted event) {
    synchronized (lock) {
      startTimeMs = event.time();
    }
  }

  @Override
  public void onBatchSubmitted(StreamingListenerBatchSubmitted event) {
    updateActive(BatchSummary.of(event.batchInfo()));
  }

  @Override
  public void onBatchStarted(StreamingListenerBatchStarted event) {
    updateActive(BatchSummary.of(event.batchInfo()));
  }

  private void updateActive(BatchSummary batch) {
    long time = batch.batchTimeMs();
    synchronized (lock) {
      if (completedTimes.contains(time)) {
        return;
      }
      BatchSummary known = active.get(time);
      if (known != null && known.processingStartTimeMs().isPresent() && batch.processingStartTimeMs().isEmpty()) {
        return;
      }
      active.put(time, batch);
      if (active.size() > retainedBatches) {
        active.pollFirstEntry();
      }
    }
  }

  @Override
  public void onOutputOperationStarted(StreamingListenerOutputOperationStarted event) {
    updateOutputOperation(event.outputOperationInfo());
  }

  @Override
  public void onOutputOperationCompleted(StreamingListenerOutputOperationCompleted event) {
    updateOutputOperation(event.outputOperationInfo());
  }

  /** Shows an active batch's operations as they run; a completed batch's event carries their final state. */
  private void updateOutputOperation(OutputOperationInfo info) {
    BatchSummary.OutputOperationSummary operation = BatchSummary.OutputOperationSummary.of(info);
    synchronized (lock) {
      active.computeIfPresent(info.batchTime().milliseconds(), (time, batch) -> batch.withOutputOperation(operation));
    }
  }

  @Override
  public void onBatchCompleted(StreamingListenerBatchCompleted event) {
    BatchSummary batch = BatchSummary.of(event.batchInfo());
    boolean failed = batch.failureReason().isPresent();
    long records = batch.records();
    synchronized (lock) {
      active.remove(batch.batchTimeMs());
      if (!completedTimes.add(batch.batchTimeMs())) {
        return;
      }
      completed.addLast(batch);
      if (completed.size() > retainedBatches) {
        completedTimes.remove(completed.removeFirst().batchTimeMs());
      }
      batchesCompleted++;
      if (failed) {
        failedBatches++;
      }
      recordsProcessed += records;
    }
  }

  @Override
  public void onReceiverStarted(StreamingListenerReceiverStarted event) {
    updateReceiver(event.receiverInfo());
  }

  @Override
  public void onReceiverError(StreamingListenerReceiverError event) {
    updateReceiver(event.receiverInfo());
  }

  @Override
  public void onReceiverStopped(StreamingListenerReceiverStopped event) {
    updateReceiver(event.receiverInfo());
  }

  private void updateReceiver(ReceiverInfo info) {
    ReceiverSummary receiver = ReceiverSummary.of(info);
    synchronized (lock) {
      receivers.put(receiver.streamId(), receiver);
    }
  }

  /**
   * Returns a consistent copy of the store.
   *
   * @return the copy
   */
  StatusSnapshot snapshot() {
    synchronized (lock) {
      List<BatchSummary> newestCompleted = new ArrayList<>(completed);
      Collections.reverse(newestCompleted);
      List<BatchSummary> newestActive = new ArrayList<>(active.descendingMap().values());
      return new StatusSnapshot(startTimeMs < 0 ? OptionalLong.empty() : OptionalLong.of(startTimeMs),
          batchIntervalMs, batchesCompleted, failedBatches, recordsProcessed, List.copyOf(newestActive),
          List.copyOf(newestCompleted), Collections.unmodifiableMap(new TreeMap<>(receivers)));
    }
  }
}

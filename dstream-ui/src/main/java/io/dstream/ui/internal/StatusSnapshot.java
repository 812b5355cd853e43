package io.dstream.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A consistent copy of what the {@link StatusStore} knows at one moment.
 *
 * @param startTimeMs when the context started (its clock's milliseconds), once the started event came
 * @param batchIntervalMs the batch interval
 * @param batchesCompleted how many batches completed since the start, failed ones included
 * @param failedBatches how many of them failed
 * @param recordsProcessed the records of every completed batch since the start
 * @param activeBatches the batches submitted and not completed, newest first
 * @param completedBatches the latest retained completed batches, newest first
 * @param receivers each receiver's latest state, by stream id, in ascending order
 */
record StatusSnapshot(OptionalLong startTimeMs, long batchIntervalMs, long batchesCompleted, long failedBatches,
    long recordsProcessed, List<BatchSummary> activeBatches, List<BatchSummary> completedBatches,
    Map<Integer, ReceiverSummary> receivers) {}

package io.dstream.ui.internal;

import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.OutputOperationInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the status page keeps of one batch: the figures of its {@link BatchInfo}, with its output operations
 * reduced to their names, times and failure reasons (no exception is kept, so memory stays small).
 *
 * @param batchTimeMs the batch time
 * @param recordsPerStream the records each input stream put into the batch, by stream id
 * @param submissionTimeMs when the batch's jobs were submitted
 * @param processingStartTimeMs when its first job started, if it has
 * @param processingEndTimeMs when its last job ended, if it has
 * @param outputOperations its output operations, by id
 */
record BatchSummary(long batchTimeMs, Map<Integer, Long> recordsPerStream, long submissionTimeMs,
    OptionalLong processingStartTimeMs, OptionalLong processingEndTimeMs,
    List<OutputOperationSummary> outputOperations) {

  /**
   * What the status page keeps of one output operation of a batch.
   *
   * @param id the operation's index, in definition order
   * @param name the operation, such as {@code foreachRDD}
   * @param description where it was defined
   * @param startTimeMs when its job started, if it has
   * @param endTimeMs when its job ended, if it has
   * @param failureReason the failure's class and message, if it failed
   */
  record OutputOperationSummary(int id, String name, String description, OptionalLong startTimeMs,
      OptionalLong endTimeMs, Optional<String> failureReason) {

    static OutputOperationSummary of(OutputOperationInfo info) {
      return new OutputOperationSummary(info.id(), info.name(), info.description(), optional(info.startTime()),
          optional(info.endTime()), info.failureReason());
    }

    /**
     * Returns how long the job ran.
     *
     * @return milliseconds, if it has ended
     */
    OptionalLong durationMs() {
      return difference(startTimeMs, endTimeMs);
    }
  }

  /**
   * Reduces a listener event's batch info.
   *
   * @param info the batch info
   * @return the summary
   */
  static BatchSummary of(BatchInfo info) {
    List<OutputOperationSummary> operations = info.outputOperationInfos().values().stream()
        .map(OutputOperationSummary::of)
        .sorted(Comparator.comparingInt(OutputOperationSummary::id))
        .toList();
    return new BatchSummary(info.batchTime().milliseconds(), Map.copyOf(info.streamIdToNumRecords()),
        info.submissionTime(), optional(info.processingStartTime()), optional(info.processingEndTime()),
        operations);
  }

  /**
   * Returns this batch with one output operation's newer state, from that operation's own event.
   *
   * @param operation the operation's state
   * @return the batch with it in place of the operation of the same id (added if it had none)
   */
  BatchSummary withOutputOperation(OutputOperationSummary operation) {
    List<OutputOperationSummary> operations = new ArrayList<>(outputOperations);
    operations.removeIf(known -> known.id() == operation.id());
    operations.add(operation);
    operations.sort(Comparator.comparingInt(OutputOperationSummary::id));
    return new BatchSummary(batchTimeMs, recordsPerStream, submissionTimeMs, processingStartTimeMs,
        processingEndTimeMs, List.copyOf(operations));
  }

  /**
   * Returns the records all input streams put into the batch.
   *
   * @return the sum over the streams
   */
  long records() {
    return recordsPerStream.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Returns how long the batch waited for earlier ones.
   *
   * @return milliseconds, once it has started
   */
  OptionalLong schedulingDelayMs() {
    return difference(OptionalLong.of(submissionTimeMs), processingStartTimeMs);
  }

  /**
   * Returns how long its jobs ran.
   *
   * @return milliseconds, once it has completed
   */
  OptionalLong processingTimeMs() {
    return difference(processingStartTimeMs, processingEndTimeMs);
  }

  /**
   * Returns the scheduling delay plus the processing time.
   *
   * @return milliseconds, once it has completed
   */
  OptionalLong totalDelayMs() {
    return difference(OptionalLong.of(submissionTimeMs), processingEndTimeMs);
  }

  /**
   * Returns the failure reason of its first failed output operation.
   *
   * @return the reason, if an operation failed
   */
  Optional<String> failureReason() {
    return outputOperations.stream().flatMap(op -> op.failureReason().stream()).findFirst();
  }

  /**
   * Returns the batch's status: {@code queued} (submitted, no job started), {@code processing}, {@code failed}
   * (completed with a failed output operation) or {@code succeeded}.
   *
   * @return the status
   */
  String status() {
    if (processingEndTimeMs.isPresent()) {
      return failureReason().isPresent() ? "failed" : "succeeded";
    }
    return processingStartTimeMs.isPresent() ? "processing" : "queued";
  }

  private static OptionalLong optional(Optional<Long> value) {
    return value.map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  private static OptionalLong difference(OptionalLong from, OptionalLong to) {
    return from.isPresent() && to.isPresent() ? OptionalLong.of(to.getAsLong() - from.getAsLong())
        : OptionalLong.empty();
  }
}

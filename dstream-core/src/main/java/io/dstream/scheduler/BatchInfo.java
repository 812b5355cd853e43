package io.dstream.scheduler;

import io.dstream.Time;
import java.util.Map;
import java.util.Optional;

/**
 * What happened to one batch: when it was submitted, started and completed (in milliseconds of the
 * context's clock), how many records each input stream brought, and each output operation's outcome.
 *
 * @param batchTime the batch time
 * @param streamIdToNumRecords the records each input stream put into the batch, by the stream's id
 *     ({@code InputDStream.id()}), for the streams whose count is known without a job: every receiver stream,
 *     and queue streams of RDDs made by {@code parallelize}
 * @param submissionTime when the batch's jobs were submitted
 * @param processingStartTime when the first job started, once it has
 * @param processingEndTime when the last job ended, once it has
 * @param outputOperationInfos each output operation's outcome, by id
 */
public record BatchInfo(Time batchTime, Map<Integer, Long> streamIdToNumRecords, long submissionTime,
    Optional<Long> processingStartTime, Optional<Long> processingEndTime,
    Map<Integer, OutputOperationInfo> outputOperationInfos) {

  /**
   * Returns how many records the input streams put into the batch, where that is known without a job.
   *
   * @return the sum of {@link #streamIdToNumRecords()}, 0 if no count is known
   */
  public long numRecords() {
    return streamIdToNumRecords.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Returns how long the batch waited for earlier batches: processing start minus submission.
   *
   * @return milliseconds, once the batch has started
   */
  public Optional<Long> schedulingDelay() {
    return processingStartTime.map(start -> start - submissionTime);
  }

  /**
   * Returns how long the batch's jobs took: processing end minus processing start.
   *
   * @return milliseconds, once the batch has completed
   */
  public Optional<Long> processingDelay() {
    return processingEndTime.flatMap(end -> processingStartTime.map(start -> end - start));
  }

  /**
   * Returns the scheduling delay plus the processing delay.
   *
   * @return milliseconds, once the batch has completed
   */
  public Optional<Long> totalDelay() {
    return processingEndTime.map(end -> end - submissionTime);
  }

  /**
   * Tells whether any output operation of the batch failed.
   *
   * @return true if one did
   */
  public boolean hasFailure() {
    return outputOperationInfos.values().stream().anyMatch(info -> info.failure().isPresent());
  }
}

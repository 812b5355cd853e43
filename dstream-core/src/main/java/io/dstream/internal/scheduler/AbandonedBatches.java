package io.dstream.internal.scheduler;

import io.dstream.Time;
import java.util.List;
import java.util.SortedMap;

/**
 * The batches that a stop gave up waiting for: their jobs not started were dropped, and those running were
 * interrupted.
 *
 * @param recordsByBatch the input records of each batch not processed, by batch time
 * @param interruptedJobs the jobs that were running, each as "output operation N (description) of batch T"
 */
public record AbandonedBatches(SortedMap<Time, Long> recordsByBatch, List<String> interruptedJobs) {
  /**
   * Returns the input records of every batch not processed.
   *
   * @return the sum
   */
  public long records() {
    return recordsByBatch.values().stream().mapToLong(Long::longValue).sum();
  }
}

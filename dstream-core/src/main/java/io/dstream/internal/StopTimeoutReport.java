package io.dstream.internal;

import io.dstream.ConfigKeys;
import io.dstream.internal.receiver.ReceivedBacklog;
import io.dstream.internal.scheduler.AbandonedBatches;

/** Says in one log line what a stop that gave up waiting at {@code dstream.stopTimeout} left unprocessed. */
final class StopTimeoutReport {
  private StopTimeoutReport() {}

  /**
   * Describes what a stop left undone.
   *
   * @param graceful whether the stop was graceful
   * @param timeoutMillis how long it waited
   * @param abandoned the batches it gave up on
   * @param backlog the received blocks of those batches, and those no batch took
   * @return the message, without a stack trace
   */
  static String describe(boolean graceful, long timeoutMillis, AbandonedBatches abandoned,
      ReceivedBacklog backlog) {
    StringBuilder message = new StringBuilder("stop(").append(graceful).append(") gave up waiting after ")
        .append(timeoutMillis).append(" ms (").append(ConfigKeys.STOP_TIMEOUT.name()).append("): ");
    int batches = abandoned.recordsByBatch().size();
    message.append(batches).append(batches == 1 ? " batch" : " batches");
    if (batches == 1) {
      message.append(" (").append(abandoned.recordsByBatch().firstKey()).append(')');
    } else if (batches > 1) {
      message.append(" (").append(abandoned.recordsByBatch().firstKey()).append(" to ")
          .append(abandoned.recordsByBatch().lastKey()).append(')');
    }
    message.append(" with ").append(abandoned.records()).append(" input records (")
        .append(backlog.allocatedBlocks()).append(" received blocks) were not processed");
    if (backlog.unallocatedBlocks() > 0) {
      message.append(", and ").append(backlog.unallocatedBlocks()).append(" received blocks with ")
          .append(backlog.unallocatedRecords()).append(" records were never put into a batch");
    }
    if (!abandoned.interruptedJobs().isEmpty()) {
      message.append("; interrupted the jobs still running (one that ignores the interrupt runs on, but the "
          + "context no longer waits for it): ").append(String.join(", ", abandoned.interruptedJobs()));
    }
    return message.append(graceful ? "; raise " + ConfigKeys.STOP_TIMEOUT.name() + " to let a graceful stop "
        + "process everything it received" : "").toString();
  }
}

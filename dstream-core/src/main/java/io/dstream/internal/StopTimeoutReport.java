package io.dstream.internal;

import io.dstream.ConfigKeys;
import io.dstream.internal.receiver.ReceivedBacklog;
import io.dstream.internal.receiver.ReceiverTracker;
import io.dstream.internal.scheduler.AbandonedBatches;
import io.dstream.storage.internal.RefusedStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in one WARN, without a stack trace, what a stop left unprocessed: the batches it gave up on at
 * {@code dstream.stopTimeout} (with their input records and received blocks, and the jobs it interrupted),
 * the received blocks no batch took, and those refused because they waited for room in the block store.
 */
final class StopTimeoutReport {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingRuntime.class);

  private StopTimeoutReport() {}

  /**
   * Logs what a stop left unprocessed, if anything: always when it gave up on batches, and after a graceful
   * stop also when it refused blocks that waited for room (a non-graceful stop drops data by design).
   *
   * @param graceful whether the stop was graceful
   * @param timeoutMillis how long it waited for the jobs
   * @param abandoned the batches it gave up on, or null if every job ended in time
   * @param receivers the receivers, stopped
   */
  static void warnOfUnprocessedData(boolean graceful, long timeoutMillis, AbandonedBatches abandoned,
      ReceiverTracker receivers) {
    RefusedStores refused = receivers.refusedStores();
    if (abandoned != null) {
      LOG.warn(describe(graceful, timeoutMillis, abandoned, receivers.backlog(abandoned.recordsByBatch().keySet()),
          refused));
    } else if (graceful && refused.blocks() > 0) {
      LOG.warn("stop(true) processed every batch, but " + describe(refused) + "; raise "
          + ConfigKeys.STOP_TIMEOUT.name() + " to let the receivers store their last blocks");
    }
  }

  static String describe(boolean graceful, long timeoutMillis, AbandonedBatches abandoned,
      ReceivedBacklog backlog, RefusedStores refused) {
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
      message.append(", ").append(backlog.unallocatedBlocks()).append(" received blocks with ")
          .append(backlog.unallocatedRecords()).append(" records were never put into a batch");
    }
    if (refused.blocks() > 0) {
      message.append(", ").append(describe(refused));
    }
    if (!abandoned.interruptedJobs().isEmpty()) {
      message.append("; interrupted the jobs still running (one that ignores the interrupt runs on, but the "
          + "context no longer waits for it): ").append(String.join(", ", abandoned.interruptedJobs()));
    }
    return message.append(graceful ? "; raise " + ConfigKeys.STOP_TIMEOUT.name() + " to let a graceful stop "
        + "process everything it received" : "").toString();
  }

  private static String describe(RefusedStores refused) {
    return refused.blocks() + " received blocks with " + refused.records() + " records were dropped: they "
        + "waited for room in the block store when the stop ended";
  }
}

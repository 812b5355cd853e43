package io.dstream.internal;

import io.dstream.Time;
import io.dstream.internal.scheduler.BatchOutcome;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the test kit ({@link io.dstream.testing.TestStreamingContext}) needs to know of a context's batches
 * to drive them one at a time: when a batch is settled, and which batches a recovery runs again.
 */
public interface BatchProgress {
  /**
   * Returns a future that completes, with the batch's outcome, once the batch at {@code time} is complete:
   * its jobs have ended, its old RDDs are cleared, the metadata checkpoint that records it is written (with
   * a checkpoint directory), and listeners have received the events posted until then. Ask before the batch
   * can end; if the context stops before the batch completes, the future is cancelled.
   *
   * @param time the batch time
   * @return the batch's outcome, once complete
   */
  CompletableFuture<BatchOutcome> whenSettled(Time time);

  /**
   * Returns the batches that starting now would run again, because the recovered run left them unfinished
   * or missed them while it was down.
   *
   * @return the batch times, ascending; empty without a recovered checkpoint
   */
  List<Time> batchesToRerun();

  /**
   * Returns the time of the latest batch of the recovered run, if the context recovered from a checkpoint.
   *
   * @return the time
   */
  Optional<Time> recoveredLastBatch();
}

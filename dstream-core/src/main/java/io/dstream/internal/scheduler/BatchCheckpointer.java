package io.dstream.internal.scheduler;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Receives where batch generation stands after each batch's jobs are generated and after each batch
 * completes, to write the metadata checkpoint. Implementations must return quickly: they are called on the
 * job generator's event loop, which must never wait for I/O.
 */
public interface BatchCheckpointer {
  /**
   * Writes the checkpoint of a fresh start, before the first batch, and returns once it is written. A run
   * that dies before it has checkpointed a batch then still leaves its zero time and its inputs' start, so
   * the next run recovers the batches it may have output, rather than starting anew and taking their input
   * a second time. The checkpoints that earlier runs left are discarded first: recovery must find this
   * run's, even where an earlier run's batch times are later.
   *
   * @param schedule the schedule at start: the zero time, nothing generated yet
   * @throws IllegalStateException if the checkpoint cannot be written; the message names the directory
   */
  void checkpointStart(BatchSchedule schedule);

  /**
   * Records the schedule (and whatever else the checkpoint holds, read now on the event loop).
   *
   * @param schedule the batches as of now
   * @return completes once this checkpoint, or a newer one that replaced it, is written (true) or has failed
   *     to be (false); at once, with false, if there is nothing to write
   */
  CompletableFuture<Boolean> checkpoint(BatchSchedule schedule);

  /**
   * Sets who learns of every checkpoint once it is durably written: the schedule it recorded. Called on
   * the writing thread; the listener must return quickly.
   *
   * @param listener receives the schedule of each checkpoint written
   */
  void whenWritten(Consumer<BatchSchedule> listener);

  /**
   * Writes what was handed over last, if it is not written yet, and releases the writer.
   *
   * @param deadlineNanos until when to wait for that write, on the scale of {@link System#nanoTime()}
   */
  void close(long deadlineNanos);
}

package io.dstream.internal.stream;

import io.dstream.Time;
import java.io.IOException;
import java.util.Optional;

/**
 * A stream whose data must survive a restart of the application (the state of {@code updateStateByKey}
 * and {@code mapWithState}): it writes snapshots of its RDDs into the context's checkpoint directory every
 * checkpoint interval. The context's metadata checkpoint records each such stream's latest snapshot time,
 * and recovery ({@code StreamingContext.getOrCreate}) restores it after rebuilding the graph, before the
 * first batch runs.
 */
public interface SnapshottingStream {
  /**
   * Tells whether this stream writes snapshots at all. One that keeps its data across batches only in memory
   * when the context has no checkpoint directory (a module's model, say) returns false then: no restart will
   * restore it, so no batch's input needs keeping for it.
   *
   * @return true unless overridden
   */
  default boolean writesSnapshots() {
    return true;
  }

  /**
   * Returns the time of the newest snapshot this stream has written completely.
   *
   * @return the time, or empty if none yet
   */
  Optional<Time> latestSnapshotTime();

  /**
   * Checks that the snapshot of a time is there and intact, without restoring it: recovery falls back to an
   * older metadata checkpoint when a snapshot that the newest one needs is not.
   *
   * @param time a time for which {@link #latestSnapshotTime()} returned a snapshot in an earlier run
   * @throws IOException if the snapshot is missing, damaged or cannot be read; the message names the file
   */
  void checkSnapshot(Time time) throws IOException;

  /**
   * Makes the snapshot of a time this stream's RDD for that time, so that the next batches continue from it.
   *
   * @param time a time for which {@link #latestSnapshotTime()} returned a snapshot in an earlier run
   * @throws IOException if the snapshot cannot be read; the message names the file
   */
  void restoreSnapshot(Time time) throws IOException;
}

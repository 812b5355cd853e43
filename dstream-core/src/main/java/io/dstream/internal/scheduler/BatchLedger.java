package io.dstream.internal.scheduler;

import io.dstream.Duration;
import io.dstream.Time;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The job generator's account of the batches: the zero time, the latest generated batch, the batches
 * generated but not completed successfully, and the batches generated whose jobs have not all ended yet. A batch whose job failed stays unfinished, so that a restart
 * runs it again (as Spark does): its input was taken, but its output was not made. Used only on the job
 * generator's thread.
 */
final class BatchLedger {
  private final TreeSet<Time> unfinished = new TreeSet<>();
  private final TreeSet<Time> running = new TreeSet<>();
  private Time zeroTime;
  private Time lastGenerated;

  /** Starts afresh at a zero time. */
  void start(Time zero) {
    zeroTime = zero;
    lastGenerated = zero;
    unfinished.clear();
    running.clear();
  }

  /** Continues from a recovered schedule; its unfinished batches count as unfinished until they complete. */
  void resume(BatchSchedule schedule) {
    start(schedule.zeroTime());
    lastGenerated = schedule.lastGeneratedTime();
    unfinished.addAll(schedule.unfinishedTimes());
  }

  void generated(Time time) {
    unfinished.add(time);
    running.add(time);
    lastGenerated = lastGenerated.max(time);
  }

  void completed(Time time, boolean succeeded) {
    running.remove(time);
    if (succeeded) {
      unfinished.remove(time);
    }
  }

  /**
   * Returns the time up to which the streams may forget what they generated, now that the batch at
   * {@code completed} has ended: that time, unless an older batch is still running (with concurrent jobs a
   * later batch can end first), in which case the time of the batch before the oldest running one, so that
   * its RDDs and blocks stay.
   */
  Time clearableUpTo(Time completed, Duration batchDuration) {
    if (running.isEmpty() || completed.less(running.first())) {
      return completed;
    }
    return running.first().minus(batchDuration);
  }

  Time lastGenerated() {
    return lastGenerated;
  }

  Set<Time> unfinished() {
    return Collections.unmodifiableSet(unfinished);
  }

  BatchSchedule schedule() {
    return new BatchSchedule(zeroTime, lastGenerated, new ArrayList<>(unfinished));
  }
}

package io.dstream.internal.scheduler;

import io.dstream.Time;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The job generator's account of the batches: the zero time, the latest generated batch, and the batches
 * generated but not completed successfully. A batch whose job failed stays unfinished, so that a restart
 * runs it again (as Spark does): its input was taken, but its output was not made. Used only on the job
 * generator's thread.
 */
final class BatchLedger {
  private final TreeSet<Time> unfinished = new TreeSet<>();
  private Time zeroTime;
  private Time lastGenerated;

  /** Starts afresh at a zero time. */
  void start(Time zero) {
    zeroTime = zero;
    lastGenerated = zero;
    unfinished.clear();
  }

  /** Continues from a recovered schedule; its unfinished batches count as unfinished until they complete. */
  void resume(BatchSchedule schedule) {
    start(schedule.zeroTime());
    lastGenerated = schedule.lastGeneratedTime();
    unfinished.addAll(schedule.unfinishedTimes());
  }

  void generated(Time time) {
    unfinished.add(time);
    lastGenerated = lastGenerated.max(time);
  }

  void completed(Time time, boolean succeeded) {
    if (succeeded) {
      unfinished.remove(time);
    }
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

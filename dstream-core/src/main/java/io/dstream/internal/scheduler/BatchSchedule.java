package io.dstream.internal.scheduler;

import io.dstream.Duration;
import io.dstream.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Where batch generation stands: what a metadata checkpoint records and what a restart resumes from.
 *
 * @param zeroTime the batch time before the first batch; every batch time is a multiple of the batch
 *     duration after it
 * @param lastGeneratedTime the latest batch whose jobs were generated, or the zero time before the first
 * @param unfinishedTimes the batches generated but not completed successfully (queued, running, or failed),
 *     ascending
 */
public record BatchSchedule(Time zeroTime, Time lastGeneratedTime, List<Time> unfinishedTimes) {
  /**
   * Checks and copies the fields.
   *
   * @param zeroTime the zero time
   * @param lastGeneratedTime the latest generated batch, not before the zero time
   * @param unfinishedTimes the unfinished batches
   * @throws IllegalArgumentException if the latest generated batch is before the zero time
   */
  public BatchSchedule {
    Objects.requireNonNull(zeroTime, "zeroTime");
    Objects.requireNonNull(lastGeneratedTime, "lastGeneratedTime");
    if (lastGeneratedTime.less(zeroTime)) {
      throw new IllegalArgumentException("the latest generated batch " + lastGeneratedTime
          + " is before the zero time " + zeroTime);
    }
    unfinishedTimes = List.copyOf(new TreeSet<>(unfinishedTimes));
  }

  /**
   * Returns the latest time up to which this schedule records every batch as finished: the time before the
   * oldest unfinished batch, or the latest generated batch if none is unfinished. A restart from this
   * schedule never runs a batch at or before it again.
   *
   * @return the time
   */
  public Time finishedUpTo() {
    return unfinishedTimes.isEmpty() ? lastGeneratedTime : new Time(unfinishedTimes.get(0).milliseconds() - 1);
  }

  /**
   * Returns the batches a restart runs before it goes on with new ones: every unfinished batch, then every
   * batch time after the latest generated one and before the restart time (the batches missed while the
   * application was down), each once, in time order. This is how a restart catches up on exactly the
   * batches that a run without the crash would have completed.
   *
   * @param restartTime the first batch time the restarted timer will generate
   * @param batchDuration the batch interval
   * @return the batch times, ascending
   */
  public List<Time> timesToRerun(Time restartTime, Duration batchDuration) {
    TreeSet<Time> times = new TreeSet<>();
    for (Time unfinished : unfinishedTimes) {
      if (unfinished.less(restartTime)) {
        times.add(unfinished);
      }
    }
    times.addAll(lastGeneratedTime.plus(batchDuration).until(restartTime, batchDuration));
    return new ArrayList<>(times);
  }
}

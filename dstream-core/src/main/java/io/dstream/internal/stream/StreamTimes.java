package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time grid of one {@link StreamNode}: its zero time (the batch time before its first batch), the batch
 * times on its slide grid, its checkpoint times, and how long its generated RDDs are remembered. The checkpoint
 * interval is defined with the stream; the rest is set at start, on the starting thread under the graph's
 * lock, and is read-only afterwards. The fields are volatile, so any thread reads them without a lock.
 */
final class StreamTimes {
  private static final Logger LOG = LoggerFactory.getLogger(StreamNode.class);
  private static final Duration MIN_DEFAULT_CHECKPOINT_INTERVAL = new Duration(10_000);

  private final StreamNode<?> stream;
  private volatile Time zero;
  private volatile Time gridOrigin;
  private volatile Duration rememberDuration;
  private volatile Duration checkpointInterval;

  StreamTimes(StreamNode<?> stream) {
    this.stream = stream;
  }

  /**
   * Sets the zero time, the origin of the slide grid, the default checkpoint interval of a stream that must be
   * checkpointed, and the smallest remember duration: one slide.
   *
   * @param zeroTime the batch time before the first batch
   * @param origin the time the slide grid counts from: the zero time, as in Spark; or, in a scale-out
   *     application, time 0, so that every instance (each with its own zero time) ends its windows at the
   *     same times, and a partition moving between instances keeps its window boundaries
   * @param mustCheckpoint whether the stream must be checkpointed
   * @return false if the stream already had this zero time (its parents have it too)
   */
  boolean initialize(Time zeroTime, Time origin, boolean mustCheckpoint) {
    if (zero != null && zero.equals(zeroTime)) {
      return false;
    }
    zero = zeroTime;
    gridOrigin = origin;
    Duration slide = stream.slideDuration();
    if (checkpointInterval == null && mustCheckpoint) {
      checkpointInterval = defaultCheckpointInterval(slide);
    }
    if (rememberDuration == null || rememberDuration.less(slide)) {
      rememberDuration = slide;
    }
    return true;
  }

  boolean isInitialized() {
    return zero != null;
  }

  /** The zero time; throws what a use of a stream before the start must throw. */
  Time zero() {
    Time zeroTime = zero;
    if (zeroTime == null) {
      throw new IllegalStateException(stream + " has no batches yet: the StreamingContext has not started; call "
          + "start() first");
    }
    return zeroTime;
  }

  /** Whether {@code time} is after the zero time and on the slide grid. */
  boolean isBatchTime(Time time) {
    return time.greater(zero()) && time.minus(gridOrigin).isMultipleOf(stream.slideDuration());
  }

  /** The batch time at or before {@code time}; a time off the grid is moved down onto it, with a WARN. */
  Time alignDown(Time time) {
    zero(); // throws if not started
    Time origin = gridOrigin;
    Duration slide = stream.slideDuration();
    if (time.minus(origin).isMultipleOf(slide)) {
      return time;
    }
    Time aligned = time.floor(slide, origin);
    LOG.warn("slice time {} is not a multiple of the slide duration {} from {}; using {}", time, slide, origin,
        aligned);
    return aligned;
  }

  /** Sets the checkpoint interval; see {@link StreamNode#checkpoint}. */
  void checkpointEvery(Duration interval) {
    Duration slide = stream.slideDuration();
    if (interval.milliseconds() <= 0 || !interval.isMultipleOf(slide)) {
      throw new IllegalArgumentException("checkpoint interval " + interval + " of " + stream
          + " is not a positive multiple of its slide duration " + slide + "; use a multiple of " + slide
          + " (at least 10 seconds is usual)");
    }
    checkpointInterval = interval;
  }

  Duration checkpointInterval() {
    return checkpointInterval;
  }

  /** Whether {@code time} is on the grid of the checkpoint interval (counted as the slide grid is). */
  boolean isCheckpointTime(Time time) {
    Duration interval = checkpointInterval;
    zero(); // throws if not started
    return interval != null && time.minus(gridOrigin).isMultipleOf(interval);
  }

  /** Raises the remember duration to {@code duration} if it is longer. */
  void remember(Duration duration) {
    if (duration != null && (rememberDuration == null || duration.greater(rememberDuration))) {
      rememberDuration = duration;
    }
  }

  Duration rememberDuration() {
    return rememberDuration;
  }

  /**
   * The checkpoint interval of a stream that must be checkpointed and has none set: the smallest multiple of
   * the slide duration that is at least 10 seconds, as in Spark.
   */
  static Duration defaultCheckpointInterval(Duration slide) {
    long min = MIN_DEFAULT_CHECKPOINT_INTERVAL.milliseconds();
    long multiple = Math.max(1, (min + slide.milliseconds() - 1) / slide.milliseconds());
    return slide.times(Math.toIntExact(multiple));
  }
}

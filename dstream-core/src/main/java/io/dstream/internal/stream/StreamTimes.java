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
  private volatile Duration rememberDuration;
  private volatile Duration checkpointInterval;

  StreamTimes(StreamNode<?> stream) {
    this.stream = stream;
  }

  /**
   * Sets the zero time, the default checkpoint interval of a stream that must be checkpointed, and the
   * smallest remember duration: one slide.
   *
   * @return false if the stream already had this zero time (its parents have it too)
   */
  boolean initialize(Time zeroTime, boolean mustCheckpoint) {
    if (zero != null && zero.equals(zeroTime)) {
      return false;
    }
    zero = zeroTime;
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
    Time zeroTime = zero();
    return time.greater(zeroTime) && time.minus(zeroTime).isMultipleOf(stream.slideDuration());
  }

  /** The batch time at or before {@code time}; a time off the grid is moved down onto it, with a WARN. */
  Time alignDown(Time time) {
    Time zeroTime = zero();
    Duration slide = stream.slideDuration();
    if (time.minus(zeroTime).isMultipleOf(slide)) {
      return time;
    }
    Time aligned = time.floor(slide, zeroTime);
    LOG.warn("slice time {} is not a multiple of the slide duration {} from the zero time {}; using {}", time,
        slide, zeroTime, aligned);
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

  /** Whether {@code time} is a multiple of the checkpoint interval after the zero time. */
  boolean isCheckpointTime(Time time) {
    Duration interval = checkpointInterval;
    return interval != null && time.minus(zero()).isMultipleOf(interval);
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

package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.internal.rdd.RddNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The two durations of a window operation, checked against the parent stream when the operation is
 * defined: the window covers the parent's batches in {@code (t - window, t]} and is computed at every time
 * {@code t} on the slide grid.
 *
 * @param window the window length, a positive multiple of the parent's slide duration
 * @param slide the window's slide, a positive multiple of the parent's slide duration
 */
public record WindowSpec(Duration window, Duration slide) {

  /**
   * Checks the durations of a window operation over a parent stream.
   *
   * @param operation the operation's name, for the message
   * @param parent the stream the window is over
   * @param window the window length
   * @param slide the window's slide
   * @return the checked durations
   * @throws NullPointerException if a duration is null
   * @throws IllegalArgumentException if a duration is not a positive multiple of the parent's slide duration
   */
  public static WindowSpec of(String operation, StreamNode<?> parent, Duration window, Duration slide) {
    Objects.requireNonNull(window, "windowDuration");
    Objects.requireNonNull(slide, "slideDuration");
    check(operation, "window", window, parent);
    check(operation, "slide", slide, parent);
    return new WindowSpec(window, slide);
  }

  /**
   * Returns the durations as the parameters of a window stream ({@link StreamNode#parameters()}): a window
   * of another length or slide holds other records, and its batch times are on another grid.
   *
   * @return the window and slide durations, by name
   */
  public Map<String, String> parameters() {
    return Map.of("window duration", window.toString(), "slide duration", slide.toString());
  }

  private static void check(String operation, String what, Duration duration, StreamNode<?> parent) {
    Duration parentSlide = parent.slideDuration();
    if (duration.milliseconds() <= 0) {
      throw new IllegalArgumentException(operation + ": " + what + " duration " + duration + " is not positive; "
          + "use a positive multiple of the parent's slide duration " + parentSlide);
    }
    if (!duration.isMultipleOf(parentSlide)) {
      throw new IllegalArgumentException(operation + ": " + what + " duration " + duration + " is not a multiple "
          + "of the parent's slide duration " + parentSlide + " (of " + parent + "); use a multiple of "
          + parentSlide);
    }
  }

  /**
   * Returns a stream's RDDs at its batch times in {@code (after, upTo]}, oldest first. Times up to the
   * stream's zero time (before the first batch) have no RDD and are left out, so windows at the start of a
   * stream cover only the batches that exist.
   *
   * @param stream the stream
   * @param after the end of the previous interval, exclusive
   * @param upTo the last time, inclusive; not after the batch being generated
   * @param <T> the record type
   * @return the RDDs
   * @throws Exception whatever computing a forgotten batch throws
   */
  static <T> List<RddNode<T>> rddsIn(StreamNode<T> stream, Time after, Time upTo) throws Exception {
    List<RddNode<T>> rdds = new ArrayList<>();
    for (Time time = after.plus(stream.slideDuration()); !time.greater(upTo);
        time = time.plus(stream.slideDuration())) {
      RddNode<T> rdd = stream.getOrCompute(time);
      if (rdd != null) {
        rdds.add(rdd);
      }
    }
    return rdds;
  }
}

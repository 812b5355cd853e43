package io.dstream;

import java.util.ArrayList;
import java.util.List;

/**
 * What a window operation should produce, computed in plain Java from the input batches. Durations are in
 * batches: batch {@code i} (from 1) is {@code batches.get(i - 1)}, empty past the end of the input.
 */
final class PlainWindows {
  private PlainWindows() {}

  /**
   * Returns the records of every window computed in the first {@code batchesRun} batches: one list per
   * window time {@code slide, 2 * slide, ...}, holding the records of batches {@code (t - window, t]} that
   * exist, in batch order.
   */
  static <T> List<List<T>> windows(List<List<T>> batches, int window, int slide, int batchesRun) {
    List<List<T>> result = new ArrayList<>();
    for (int t = slide; t <= batchesRun; t += slide) {
      List<T> records = new ArrayList<>();
      for (int b = Math.max(1, t - window + 1); b <= t; b++) {
        if (b <= batches.size()) {
          records.addAll(batches.get(b - 1));
        }
      }
      result.add(records);
    }
    return result;
  }

  /** Returns the window times (in ms, one-second batches) of the first {@code batchesRun} batches. */
  static List<Time> windowTimes(int slide, int batchesRun) {
    List<Time> times = new ArrayList<>();
    for (int t = slide; t <= batchesRun; t += slide) {
      times.add(new Time(t * 1000L));
    }
    return times;
  }
}

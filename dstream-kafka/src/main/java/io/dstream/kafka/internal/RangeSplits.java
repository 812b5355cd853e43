package io.dstream.kafka.internal;

import io.dstream.kafka.OffsetRange;
import java.util.ArrayList;
import java.util.List;

/**
 * How a Kafka batch's offset ranges (one per partition) become its tasks: a range larger than an even share of
 * the batch over the worker threads is cut into pieces of about equal size, each at least the fewest offsets
 * worth a task of their own, so that several worker threads read one hot partition at once (each with its own
 * consumer). Every other range is one task, empty ones included.
 *
 * <p>With {@code share = ceil(total / parallelism)}, where {@code total} is the sum of the batch's ranges, a
 * range of {@code n} offsets becomes {@code min(ceil(n / share), floor(n / minOffsetsPerTask))} pieces (one
 * piece: not split).
 */
final class RangeSplits {
  private RangeSplits() {}

  /**
   * Returns the ranges of a batch's tasks, in order: each range's pieces where the range was.
   *
   * @param ranges the batch's ranges, one per partition
   * @param parallelism how many tasks run at once (the default parallelism)
   * @param minOffsetsPerTask the fewest offsets a piece of a split range holds
   * @return the tasks' ranges; {@code ranges} itself if none is split
   */
  static List<OffsetRange> of(List<OffsetRange> ranges, int parallelism, long minOffsetsPerTask) {
    long total = 0;
    for (OffsetRange range : ranges) {
      total += range.count();
    }
    long share = Math.max(1, (total + parallelism - 1) / parallelism);
    List<OffsetRange> tasks = new ArrayList<>(ranges.size());
    boolean split = false;
    for (OffsetRange range : ranges) {
      long pieces = Math.min((range.count() + share - 1) / share, range.count() / minOffsetsPerTask);
      if (pieces <= 1) {
        tasks.add(range);
        continue;
      }
      split = true;
      // The first (count % pieces) pieces hold one offset more than the others.
      long base = range.count() / pieces;
      long longer = range.count() % pieces;
      long from = range.fromOffset();
      for (long i = 0; i < pieces; i++) {
        long until = from + base + (i < longer ? 1 : 0);
        tasks.add(OffsetRange.create(range.topic(), range.partition(), from, until));
        from = until;
      }
    }
    return split ? List.copyOf(tasks) : ranges;
  }
}

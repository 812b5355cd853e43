package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * {@code histogram} of an RDD of numbers, with Spark's bucket rules: buckets {@code [b0, b1), [b1, b2), ...,
 * [b(n-1), bn]}, the last one closed; values outside every bucket (NaN among them) are not counted. Each
 * task counts its partition into an array of counts; the caller adds the arrays.
 */
public final class Histograms {
  private Histograms() {}

  /**
   * Counts the records into {@code bucketCount} buckets of equal width between the smallest and the largest
   * record. Runs two jobs: one for the range, one to count.
   *
   * @param node the numbers, none null
   * @param bucketCount the number of buckets
   * @return the bucket bounds (one more than the buckets; a single bucket {@code [min, min]} if every record
   *     is equal) and the counts
   * @throws IllegalArgumentException if {@code bucketCount} is not positive
   * @throws UnsupportedOperationException if there are no records, or a record is NaN or infinite, as in Spark
   * @throws io.dstream.rdd.JobFailedException if a task fails
   */
  public static Tuple2<double[], long[]> evenBuckets(RddNode<Double> node, int bucketCount) {
    if (bucketCount <= 0) {
      throw new IllegalArgumentException("histogram: the number of buckets must be positive, got " + bucketCount);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    // Math.min and Math.max return NaN if either side is NaN: a NaN record makes the range NaN, which is refused.
    for (double[] range : node.engine().jobRunner().runJob(node, (p, records) -> rangeOf(records))) {
      min = Math.min(min, range[0]);
      max = Math.max(max, range[1]);
    }
    if (Double.isNaN(min) || Double.isNaN(max) || Double.isInfinite(min) || Double.isInfinite(max)) {
      throw new UnsupportedOperationException("histogram(" + bucketCount + ") needs finite numbers to divide "
          + "their range into buckets, but the RDD " + (min > max ? "is empty" : "holds NaN or an infinite value "
          + "(its range is " + min + " to " + max + ")") + "; filter them out, or give the buckets yourself");
    }
    double[] bounds;
    if (min == max) {
      bounds = new double[] {min, max};
    } else {
      bounds = new double[bucketCount + 1];
      double span = max - min;
      for (int i = 0; i < bucketCount; i++) {
        bounds[i] = min + i * span / bucketCount;
      }
      bounds[bucketCount] = max;
    }
    double low = min;
    double high = max;
    int buckets = bounds.length - 1;
    return new Tuple2<>(bounds, count(node, buckets, value -> {
      if (Double.isNaN(value) || value < low || value > high) {
        return -1;
      }
      return high == low ? 0 : Math.min((int) ((value - low) / (high - low) * buckets), buckets - 1);
    }));
  }

  /**
   * Counts the records into the given buckets. Runs a job (none if the RDD has no partitions).
   *
   * @param node the numbers, none null
   * @param bounds the bucket bounds, increasing; {@code n + 1} bounds make {@code n} buckets
   * @return the count of each bucket
   * @throws IllegalArgumentException if there are fewer than two bounds, or they are not increasing
   * @throws io.dstream.rdd.JobFailedException if a task fails
   */
  public static long[] givenBuckets(RddNode<Double> node, double[] bounds) {
    requireIncreasing(bounds);
    double[] sorted = bounds.clone();
    int last = sorted.length - 1;
    return count(node, last, value -> {
      int found = Arrays.binarySearch(sorted, value);
      if (found >= 0) {
        return Math.min(found, last - 1);   // a bound opens its bucket; the last bound closes the last one
      }
      int insertion = -found - 1;
      return insertion > 0 && insertion <= last ? insertion - 1 : -1;
    });
  }

  private static long[] count(RddNode<Double> node, int buckets, BucketOf bucketOf) {
    long[] counts = new long[buckets];
    List<long[]> partials = node.engine().jobRunner().runJob(node, (p, records) -> {
      long[] partial = new long[buckets];
      while (records.hasNext()) {
        int bucket = bucketOf.of(records.next());
        if (bucket >= 0) {
          partial[bucket]++;
        }
      }
      return partial;
    });
    for (long[] partial : partials) {
      for (int i = 0; i < buckets; i++) {
        counts[i] += partial[i];
      }
    }
    return counts;
  }

  private static void requireIncreasing(double[] bounds) {
    if (bounds.length < 2) {
      throw new IllegalArgumentException("histogram: the buckets need at least two bounds, got "
          + Arrays.toString(bounds) + "; {0, 10, 20} makes the buckets [0, 10) and [10, 20]");
    }
    for (int i = 1; i < bounds.length; i++) {
      if (!(bounds[i] > bounds[i - 1])) {
        throw new IllegalArgumentException("histogram: the bucket bounds must increase, but bound " + i + " ("
            + bounds[i] + ") is not above bound " + (i - 1) + " (" + bounds[i - 1] + ") in "
            + Arrays.toString(bounds));
      }
    }
  }

  private static double[] rangeOf(Iterator<Double> records) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    while (records.hasNext()) {
      double value = records.next();
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    return new double[] {min, max};
  }

  /** The bucket of a value, or -1 for none. */
  @FunctionalInterface
  private interface BucketOf {
    int of(double value);
  }
}

package io.dstream.rdd;

import io.dstream.Tuple2;
import io.dstream.checkpoint.internal.Arguments;
import io.dstream.function.Function;
import io.dstream.internal.rdd.Histograms;
import io.dstream.internal.rdd.NumericStatistics;
import io.dstream.internal.rdd.RddNode;
import io.dstream.storage.StorageLevel;
import java.util.Comparator;
import java.util.NoSuchElementException;

/**
 * An {@link RDD} of numbers (Spark's {@code JavaDoubleRDD}), made by {@link RDD#mapToDouble}, with the
 * numeric actions: sum, mean, variance, standard deviation, {@link StatCounter statistics} and histograms.
 * Each runs one job (a histogram without given buckets two) and shuffles nothing: every task summarizes its
 * partition, and the summaries are merged in partition order. The records must not be null. As in Spark, the
 * statistics come as {@link Double} objects.
 *
 * <pre>{@code
 * DoubleRDD lengths = ssc.parallelize(List.of("a", "bb", "ccc")).mapToDouble(String::length);
 * lengths.sum();     // 6.0
 * lengths.stats();   // (count: 3, mean: 2.000000, stdev: 0.816497, max: 3.000000, min: 1.000000)
 * }</pre>
 *
 * <p>The method examples use {@code numbers}, the numeric RDD
 * {@code ssc.parallelize(List.of(1.0, 2.0, 3.0, 4.0)).mapToDouble(x -> x)}.
 */
public class DoubleRDD extends RDD<Double> {

  DoubleRDD(RddNode<Double> node) {
    super(node);
  }

  /**
   * Views an RDD of numbers as a numeric RDD (no copy, no job).
   *
   * <pre>{@code
   * DoubleRDD prices = DoubleRDD.fromRDD(ssc.parallelize(List.of(0.5, 1.5)));
   * }</pre>
   *
   * @param rdd an RDD of {@link Double}, none null
   * @return the same records as a numeric RDD
   */
  public static DoubleRDD fromRDD(RDD<Double> rdd) {
    Arguments.requireNonNull(rdd, "rdd");
    return rdd instanceof DoubleRDD numeric ? numeric : new DoubleRDD(rdd.node);
  }

  // ---- numeric actions ---------------------------------------------------------------------------------

  /**
   * Adds up the records, with compensated summation so that rounding errors do not grow with their number.
   * Runs a job.
   *
   * <pre>{@code
   * double sum = numbers.sum();   // 10.0, and 0.0 for an empty RDD
   * }</pre>
   *
   * @return the sum
   * @throws JobFailedException if a task fails
   */
  public Double sum() {
    return NumericStatistics.sum(node);
  }

  /**
   * Returns the count, mean, variance, maximum and minimum of the records, computed in one job.
   *
   * <pre>{@code
   * StatCounter stats = numbers.stats();   // (count: 4, mean: 2.500000, stdev: 1.118034, max: 4.000000, min: 1.000000)
   * }</pre>
   *
   * @return a new counter; of no records for an empty RDD (count 0, mean 0, variance NaN)
   * @throws JobFailedException if a task fails
   */
  public StatCounter stats() {
    return NumericStatistics.stats(node);
  }

  /**
   * Returns the mean of the records. Runs a job.
   *
   * <pre>{@code
   * double mean = numbers.mean();   // 2.5
   * }</pre>
   *
   * @return the mean; 0 for an empty RDD, as in Spark
   * @throws JobFailedException if a task fails
   */
  public Double mean() {
    return stats().mean();
  }

  /**
   * Returns the population variance of the records. Runs a job.
   *
   * <pre>{@code
   * double variance = numbers.variance();   // 1.25
   * }</pre>
   *
   * @return the variance; NaN for an empty RDD
   * @throws JobFailedException if a task fails
   */
  public Double variance() {
    return stats().variance();
  }

  /**
   * Returns the population variance of the records: same as {@link #variance()}.
   *
   * <pre>{@code
   * double variance = numbers.popVariance();   // 1.25
   * }</pre>
   *
   * @return the variance; NaN for an empty RDD
   * @throws JobFailedException if a task fails
   */
  public Double popVariance() {
    return stats().popVariance();
  }

  /**
   * Returns the sample variance of the records (divided by the count minus 1). Runs a job.
   *
   * <pre>{@code
   * double variance = numbers.sampleVariance();   // 1.666...
   * }</pre>
   *
   * @return the sample variance; NaN for fewer than two records
   * @throws JobFailedException if a task fails
   */
  public Double sampleVariance() {
    return stats().sampleVariance();
  }

  /**
   * Returns the population standard deviation of the records. Runs a job.
   *
   * <pre>{@code
   * double stdev = numbers.stdev();   // 1.118...
   * }</pre>
   *
   * @return the standard deviation; NaN for an empty RDD
   * @throws JobFailedException if a task fails
   */
  public Double stdev() {
    return stats().stdev();
  }

  /**
   * Returns the population standard deviation of the records: same as {@link #stdev()}.
   *
   * <pre>{@code
   * double stdev = numbers.popStdev();   // 1.118...
   * }</pre>
   *
   * @return the standard deviation; NaN for an empty RDD
   * @throws JobFailedException if a task fails
   */
  public Double popStdev() {
    return stats().popStdev();
  }

  /**
   * Returns the sample standard deviation of the records. Runs a job.
   *
   * <pre>{@code
   * double stdev = numbers.sampleStdev();   // 1.290...
   * }</pre>
   *
   * @return the sample standard deviation; NaN for fewer than two records
   * @throws JobFailedException if a task fails
   */
  public Double sampleStdev() {
    return stats().sampleStdev();
  }

  /**
   * Returns the largest record ({@link Double#compareTo} order, in which NaN is the largest). Runs a job.
   *
   * <pre>{@code
   * double max = numbers.max();   // 4.0
   * }</pre>
   *
   * @return the largest record
   * @throws NoSuchElementException if the RDD is empty
   * @throws JobFailedException if a task fails
   */
  public Double max() {
    return max(Comparator.naturalOrder());
  }

  /**
   * Returns the smallest record ({@link Double#compareTo} order). Runs a job.
   *
   * <pre>{@code
   * double min = numbers.min();   // 1.0
   * }</pre>
   *
   * @return the smallest record
   * @throws NoSuchElementException if the RDD is empty
   * @throws JobFailedException if a task fails
   */
  public Double min() {
    return min(Comparator.naturalOrder());
  }

  /**
   * Counts the records into {@code bucketCount} buckets of equal width from the smallest record to the largest,
   * with Spark's rules: each bucket holds the values from its lower bound up to but excluding its upper one,
   * except the last, which includes the largest record. If every record is the same, there is one bucket.
   * Runs two jobs: one for the range, one to count.
   *
   * <pre>{@code
   * Tuple2<double[], long[]> histogram = numbers.histogram(2);   // bounds [1.0, 2.5, 4.0], counts [2, 2]
   * }</pre>
   *
   * @param bucketCount the number of buckets
   * @return the bucket bounds (one more than the buckets) and the count of each bucket
   * @throws IllegalArgumentException if {@code bucketCount} is not positive
   * @throws UnsupportedOperationException if the RDD is empty or holds NaN or an infinite value (which have no
   *     range to divide), as in Spark
   * @throws JobFailedException if a task fails
   */
  public Tuple2<double[], long[]> histogram(int bucketCount) {
    return Histograms.evenBuckets(node, bucketCount);
  }

  /**
   * Counts the records into the given buckets, with Spark's rules: the bounds {@code {b0, b1, ..., bn}} make
   * the buckets {@code [b0, b1), [b1, b2), ..., [b(n-1), bn]}, the last including its upper bound; records
   * outside every bucket, NaN among them, are not counted. Runs a job.
   *
   * <pre>{@code
   * long[] counts = numbers.histogram(new double[] {0, 2, 4});   // [1, 3]: 1.0 in [0, 2), the rest in [2, 4]
   * }</pre>
   *
   * @param buckets the bucket bounds, strictly increasing; infinite bounds are allowed
   * @return the count of each bucket, one fewer than the bounds
   * @throws IllegalArgumentException if there are fewer than two bounds, or they do not increase
   * @throws JobFailedException if a task fails
   */
  public long[] histogram(double[] buckets) {
    Arguments.requireNonNull(buckets, "buckets");
    return Histograms.givenBuckets(node, buckets);
  }

  /**
   * Counts the records into the given buckets; otherwise as {@link #histogram(double[])}. Spark's flag that the
   * buckets are evenly spaced only lets it find a record's bucket by arithmetic; here the counts are the same
   * with either value, and right for any increasing bounds. Runs a job.
   *
   * <pre>{@code
   * long[] counts = numbers.histogram(new double[] {0, 2, 4}, true);   // [1, 3]
   * }</pre>
   *
   * @param buckets the bucket bounds, strictly increasing; infinite bounds are allowed
   * @param evenBuckets whether the bounds are evenly spaced; accepted, and without effect on the counts
   * @return the count of each bucket, one fewer than the bounds
   * @throws IllegalArgumentException if there are fewer than two bounds, or they do not increase
   * @throws JobFailedException if a task fails
   */
  public long[] histogram(double[] buckets, boolean evenBuckets) {
    return histogram(buckets);
  }

  // ---- covariant overrides ------------------------------------------------------------------------------

  /**
   * Returns the numbers of this RDD that do not occur in another numeric RDD, each as often as here; otherwise
   * as {@link RDD#subtract(RDD)}. Shuffles both.
   *
   * <pre>{@code
   * DoubleRDD rest = numbers.subtract(ssc.parallelize(List.of(2.0)).mapToDouble(x -> x));   // 1.0, 3.0, 4.0
   * }</pre>
   *
   * @param other the numbers to remove
   * @return the remaining numbers
   */
  public DoubleRDD subtract(DoubleRDD other) {
    return fromRDD(super.subtract(other));
  }

  /**
   * Returns the numbers of this RDD that do not occur in another, in a number of partitions; otherwise as
   * {@link #subtract(DoubleRDD)}. Shuffles both.
   *
   * <pre>{@code
   * DoubleRDD rest = numbers.subtract(others, 4);
   * }</pre>
   *
   * @param other the numbers to remove
   * @param numPartitions the number of partitions of the result
   * @return the remaining numbers
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public DoubleRDD subtract(DoubleRDD other, int numPartitions) {
    return fromRDD(super.subtract(other, numPartitions));
  }

  /**
   * Returns the distinct numbers of both this RDD and another numeric RDD; otherwise as
   * {@link RDD#intersection(RDD)}. Shuffles both.
   *
   * <pre>{@code
   * DoubleRDD common = numbers.intersection(ssc.parallelize(List.of(2.0, 9.0)).mapToDouble(x -> x));   // 2.0
   * }</pre>
   *
   * @param other the other numbers
   * @return the common numbers, each once
   */
  public DoubleRDD intersection(DoubleRDD other) {
    return fromRDD(super.intersection(other));
  }

  @Override
  public DoubleRDD[] randomSplit(double[] weights) {
    return numeric(super.randomSplit(weights));
  }

  @Override
  public DoubleRDD[] randomSplit(double[] weights, long seed) {
    return numeric(super.randomSplit(weights, seed));
  }

  private static DoubleRDD[] numeric(RDD<Double>[] splits) {
    DoubleRDD[] numeric = new DoubleRDD[splits.length];
    for (int i = 0; i < splits.length; i++) {
      numeric[i] = fromRDD(splits[i]);
    }
    return numeric;
  }

  @Override
  public DoubleRDD filter(Function<Double, Boolean> f) {
    return fromRDD(super.filter(f));
  }

  /**
   * Returns the records of this RDD and another numeric RDD, side by side. Narrow.
   *
   * <pre>{@code
   * DoubleRDD more = numbers.union(ssc.parallelize(List.of(5.0)).mapToDouble(x -> x));   // sum 15.0
   * }</pre>
   *
   * @param other the other numeric RDD
   * @return the union
   */
  public DoubleRDD union(DoubleRDD other) {
    return fromRDD(super.union(other));
  }

  @Override
  public DoubleRDD distinct() {
    return fromRDD(super.distinct());
  }

  @Override
  public DoubleRDD distinct(int numPartitions) {
    return fromRDD(super.distinct(numPartitions));
  }

  @Override
  public DoubleRDD coalesce(int numPartitions) {
    return fromRDD(super.coalesce(numPartitions));
  }

  @Override
  public DoubleRDD coalesce(int numPartitions, boolean shuffle) {
    return fromRDD(super.coalesce(numPartitions, shuffle));
  }

  @Override
  public DoubleRDD repartition(int numPartitions) {
    return fromRDD(super.repartition(numPartitions));
  }

  @Override
  public DoubleRDD sample(boolean withReplacement, double fraction) {
    return fromRDD(super.sample(withReplacement, fraction));
  }

  @Override
  public DoubleRDD sample(boolean withReplacement, double fraction, long seed) {
    return fromRDD(super.sample(withReplacement, fraction, seed));
  }

  @Override
  public DoubleRDD persist(StorageLevel level) {
    super.persist(level);
    return this;
  }

  @Override
  public DoubleRDD cache() {
    super.cache();
    return this;
  }

  @Override
  public DoubleRDD unpersist() {
    super.unpersist();
    return this;
  }

  @Override
  public DoubleRDD setName(String name) {
    super.setName(name);
    return this;
  }
}

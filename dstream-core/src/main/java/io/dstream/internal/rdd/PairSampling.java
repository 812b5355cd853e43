package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Random samples of a pair RDD ({@code sample}, {@code sampleByKey}): each record is kept, independently, with
 * a probability (Bernoulli sampling, without replacement) or a number of times drawn from a Poisson
 * distribution (with replacement) whose mean is the record's sampling rate. One pass, narrow, keys stay in
 * their partitions.
 *
 * <p>Partition {@code p} draws from a generator seeded by the seed and {@code p}, so computing a partition
 * again (a retried task, a second action) draws the same sample.
 */
public final class PairSampling {
  /** Spreads consecutive partition indexes over the seed space. */
  private static final long PARTITION_STRIDE = 0x9E3779B97F4A7C15L;

  private PairSampling() {}

  /**
   * {@code sample}: every record kept with probability {@code fraction} (without replacement), or a
   * Poisson({@code fraction}) number of times (with replacement).
   *
   * @param node the records
   * @param withReplacement whether a record may be drawn more than once
   * @param fraction the expected share of records kept: in [0, 1] without replacement, at least 0 with
   * @param seed the seed of the random draws
   * @param <T> the record type
   * @return the sample
   * @throws IllegalArgumentException if {@code fraction} is out of range
   */
  public static <T> RddNode<T> sample(RddNode<T> node, boolean withReplacement, double fraction, long seed) {
    requireRate("sample", withReplacement, fraction, null);
    return sampled(node, "sample", withReplacement, seed, record -> fraction);
  }

  /**
   * {@code sampleByKey}: stratified sampling, each record at the rate that {@code fractions} gives its key.
   *
   * @param node the pairs
   * @param withReplacement whether a record may be drawn more than once
   * @param fractions the sampling rate of every key of the node; copied
   * @param seed the seed of the random draws
   * @param <K> the key type
   * @param <V> the value type
   * @return the sample
   * @throws IllegalArgumentException if a rate is null or out of range; a key without a rate fails the task
   *     that meets it with an {@code IllegalArgumentException}
   */
  public static <K, V> RddNode<Tuple2<K, V>> sampleByKey(RddNode<Tuple2<K, V>> node, boolean withReplacement,
      Map<K, Double> fractions, long seed) {
    Map<K, Double> rates = new HashMap<>(fractions);
    rates.forEach((key, rate) -> requireRate("sampleByKey", withReplacement, rate, key));
    return sampled(node, "sampleByKey", withReplacement, seed, record -> {
      Double rate = rates.get(record._1());
      if (rate == null) {
        throw new IllegalArgumentException("sampleByKey: the fractions give no sampling rate for the key "
            + record._1() + "; give a rate for every key of the RDD (0.0 to drop a key)");
      }
      return rate;
    });
  }

  private static void requireRate(String operation, boolean withReplacement, Double rate, Object key) {
    String of = key == null ? "" : " of the key " + key;
    if (rate == null || rate.isNaN() || rate < 0 || rate.isInfinite()) {
      throw new IllegalArgumentException(operation + ": the fraction" + of + " is " + rate
          + "; it must be a finite number of at least 0");
    }
    if (!withReplacement && rate > 1) {
      throw new IllegalArgumentException(operation + ": the fraction" + of + " is " + rate + ", but without "
          + "replacement a record is kept at most once, so it must be at most 1; sample with replacement for more");
    }
  }

  private static <T> RddNode<T> sampled(RddNode<T> node, String name, boolean withReplacement, long seed,
      ToDoubleFunction<T> rateOf) {
    return new NarrowOperation<T, T>(name, (partition, records) -> new SampledIterator<>(records,
        new SplittableRandom(seed + partition * PARTITION_STRIDE), withReplacement, rateOf), true).on(node);
  }

  /** Returns each input record as many times as it is drawn, allocating nothing per record. */
  private static final class SampledIterator<T> implements Iterator<T> {
    private final Iterator<T> records;
    private final SplittableRandom random;
    private final boolean withReplacement;
    private final ToDoubleFunction<T> rateOf;
    private T current;
    private int copiesLeft;

    SampledIterator(Iterator<T> records, SplittableRandom random, boolean withReplacement,
        ToDoubleFunction<T> rateOf) {
      this.records = records;
      this.random = random;
      this.withReplacement = withReplacement;
      this.rateOf = rateOf;
    }

    @Override
    public boolean hasNext() {
      while (copiesLeft == 0 && records.hasNext()) {
        current = records.next();
        double rate = rateOf.applyAsDouble(current);
        copiesLeft = withReplacement ? poisson(rate) : random.nextDouble() < rate ? 1 : 0;
      }
      return copiesLeft > 0;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      copiesLeft--;
      return current;
    }

    /**
     * Draws from a Poisson distribution of the given mean: the number of arrivals of a unit-rate Poisson
     * process before time {@code mean} (exponential gaps), which stays exact for any mean.
     */
    private int poisson(double mean) {
      int arrivals = 0;
      double time = -Math.log(1 - random.nextDouble());
      while (time < mean) {
        arrivals++;
        time -= Math.log(1 - random.nextDouble());
      }
      return arrivals;
    }
  }
}

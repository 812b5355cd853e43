package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Random sampling of an RDD's records: {@code sample}, {@code sampleByKey}, {@code randomSplit} and
 * {@code takeSample}.
 *
 * <p>Every partition draws from its own generator, seeded from the operation's seed and the partition's
 * index. So a sample depends only on the seed and on the records in each partition, never on how many
 * worker threads there are or in which order tasks run, and computing a sampled RDD again (a second action,
 * a retried task) gives the same records, as long as each partition gives its records in the same order.
 */
public final class Sampling {
  // Poisson draws are made in chunks of this mean at most: e^-500 is still a normal double.
  private static final double POISSON_CHUNK = 500;

  private Sampling() {}

  /**
   * {@code sample}: each record kept with probability {@code fraction} (without replacement), or repeated
   * a Poisson-distributed number of times of mean {@code fraction} (with replacement). Narrow; keeps the
   * partitioner.
   *
   * @param node the records
   * @param withReplacement whether a record may be drawn more than once
   * @param fraction the probability of keeping a record, or the expected number of times it is drawn
   * @param seed the seed of the random draws
   * @param <T> the record type
   * @return the sampled node
   * @throws IllegalArgumentException if {@code fraction} is negative or NaN, or above 1 without replacement
   */
  public static <T> RddNode<T> sample(RddNode<T> node, boolean withReplacement, double fraction, long seed) {
    requireFraction(withReplacement, fraction);
    PartitionFunction<T, T> draw = withReplacement
        ? (p, records) -> new PoissonSampledIterator<>(records, random(seed, p), record -> fraction)
        : (p, records) -> bernoulli(records, random(seed, p), fraction);
    return new NarrowOperation<>("sample", draw, true).on(node);
  }

  /**
   * {@code sampleByKey}: stratified sampling, each pair drawn as {@link #sample} draws a record, at the rate
   * that {@code fractions} gives its key. Narrow; keeps the partitioner.
   *
   * @param node the pairs
   * @param withReplacement whether a pair may be drawn more than once
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
    rates.forEach((key, rate) -> {
      if (rate == null || rate.isInfinite() || !(rate >= 0) || !withReplacement && rate > 1) {
        throw new IllegalArgumentException("sampleByKey: the fraction of the key " + key + " is " + rate + "; it "
            + "must be a finite number of at least 0, and at most 1 without replacement (sample with replacement "
            + "to draw pairs more than once on average)");
      }
    });
    ToDoubleFunction<Tuple2<K, V>> rateOf = pair -> {
      Double rate = rates.get(pair._1());
      if (rate == null) {
        throw new IllegalArgumentException("sampleByKey: the fractions give no sampling rate for the key "
            + pair._1() + "; give a rate for every key of the RDD (0.0 to drop a key)");
      }
      return rate;
    };
    PartitionFunction<Tuple2<K, V>, Tuple2<K, V>> draw = withReplacement
        ? (p, pairs) -> new PoissonSampledIterator<>(pairs, random(seed, p), rateOf)
        : (p, pairs) -> {
          SplittableRandom random = random(seed, p);
          return Iterators.filter(pairs, pair -> random.nextDouble() < rateOf.applyAsDouble(pair));
        };
    return new NarrowOperation<>("sampleByKey", draw, true).on(node);
  }

  /**
   * {@code randomSplit}: splits the records at random into parts whose sizes are about proportional to the
   * weights. Every record is in exactly one part: each split draws the same number for a record (the same
   * seed, partition by partition) and keeps it if the number falls in the split's share of {@code [0, 1)}.
   *
   * @param node the records
   * @param weights the relative sizes of the parts
   * @param seed the seed of the random draws
   * @param <T> the record type
   * @return one node per weight
   * @throws IllegalArgumentException if a weight is negative or NaN, or they do not sum to a positive number
   */
  public static <T> List<RddNode<T>> randomSplit(RddNode<T> node, double[] weights, long seed) {
    double[] bounds = cumulativeShares(weights);
    List<RddNode<T>> splits = new ArrayList<>(weights.length);
    for (int i = 0; i < weights.length; i++) {
      double lower = bounds[i];
      double upper = bounds[i + 1];
      splits.add(new NarrowOperation<T, T>("randomSplit", (p, records) -> {
        SplittableRandom random = random(seed, p);
        return Iterators.filter(records, x -> {
          double draw = random.nextDouble();
          return draw >= lower && draw < upper;
        });
      }, true).on(node));
    }
    return splits;
  }

  /**
   * {@code takeSample}: {@code num} records drawn at random, in random order. Counts the records (one job),
   * samples a fraction large enough to give {@code num} records with high probability and collects it
   * (another job, repeated with a new seed in the rare case it falls short), then shuffles the sample.
   * Without replacement, asking for at least as many records as there are returns them all, shuffled.
   *
   * @param node the records
   * @param withReplacement whether a record may be drawn more than once
   * @param num how many records
   * @param seed the seed of the random draws
   * @param <T> the record type
   * @return a new mutable list of {@code num} records (fewer only without replacement, when there are fewer)
   * @throws IllegalArgumentException if {@code num} is negative
   * @throws io.dstream.rdd.JobFailedException if a task fails
   */
  public static <T> List<T> takeSample(RddNode<T> node, boolean withReplacement, int num, long seed) {
    if (num < 0) {
      throw new IllegalArgumentException("takeSample(" + withReplacement + ", " + num
          + "): the number of records must not be negative");
    }
    if (num == 0) {
      return new ArrayList<>();
    }
    long total = 0;
    for (long count : node.engine().jobRunner().runJob(node, (p, records) -> Iterators.count(records))) {
      total += count;
    }
    if (total == 0) {
      return new ArrayList<>();
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<T> drawn;
    if (!withReplacement && num >= total) {
      drawn = collect(node);
    } else {
      double fraction = fractionForSampleSize(num, total, withReplacement);
      do {
        drawn = collect(sample(node, withReplacement, fraction, random.nextLong()));
      } while (drawn.size() < num);
    }
    shuffle(drawn, random);
    return drawn.size() > num ? new ArrayList<>(drawn.subList(0, num)) : drawn;
  }

  /**
   * Returns a fraction to sample so that the sample has at least {@code num} of {@code total} records with a
   * probability of about 99.99%: the expected size plus a margin of a few standard deviations (of the
   * Poisson distribution with replacement, of the binomial one without).
   */
  static double fractionForSampleSize(int num, long total, boolean withReplacement) {
    if (withReplacement) {
      double deviations = num < 6 ? 12 : num < 16 ? 9 : 6;
      return Math.max(num + deviations * Math.sqrt(num), 1e-10) / total;
    }
    double fraction = (double) num / total;
    double gamma = -Math.log(1e-4) / total;
    return Math.min(1, Math.max(1e-10, fraction + gamma + Math.sqrt(gamma * gamma + 2 * gamma * fraction)));
  }

  private static void requireFraction(boolean withReplacement, double fraction) {
    if (!(fraction >= 0)) {
      throw new IllegalArgumentException("sample: the fraction must be a number at least 0, got " + fraction);
    }
    if (!withReplacement && fraction > 1) {
      throw new IllegalArgumentException("sample: without replacement the fraction is the probability of "
          + "keeping each record and must be at most 1, got " + fraction
          + "; sample with replacement to draw records more than once on average");
    }
  }

  private static double[] cumulativeShares(double[] weights) {
    double[] cumulative = new double[weights.length + 1];
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0)) {
        throw new IllegalArgumentException("randomSplit: weight " + i + " is " + weights[i]
            + "; every weight must be a number at least 0");
      }
      cumulative[i + 1] = cumulative[i] + weights[i];
    }
    double total = cumulative[weights.length];
    if (!(total > 0) || Double.isInfinite(total)) {
      throw new IllegalArgumentException("randomSplit: the weights sum to " + total
          + "; give finite weights with a positive sum, such as {0.7, 0.3}");
    }
    // total / total is exactly 1, so the last split's share ends at 1 and no draw falls outside every share.
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= total;
    }
    return cumulative;
  }

  private static <T> Iterator<T> bernoulli(Iterator<T> records, SplittableRandom random, double fraction) {
    if (fraction == 0) {
      return Collections.emptyIterator();
    }
    if (fraction == 1) {
      return records;
    }
    return Iterators.filter(records, x -> random.nextDouble() < fraction);
  }

  /**
   * Returns the generator of one partition: seeded by mixing the operation's seed with the partition index
   * (the finalizer of SplitMix64), so that neighbouring partitions draw unrelated numbers.
   */
  static SplittableRandom random(long seed, int partition) {
    long z = seed + (partition + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  /** Draws from the Poisson distribution of a mean, by Knuth's method, in chunks that exp() can take. */
  static int poisson(SplittableRandom random, double mean) {
    int count = 0;
    for (double left = mean; left > 0; left -= POISSON_CHUNK) {
      double limit = Math.exp(-Math.min(left, POISSON_CHUNK));
      for (double product = random.nextDouble(); product > limit; product *= random.nextDouble()) {
        count++;
      }
    }
    return count;
  }

  private static <T> List<T> collect(RddNode<T> node) {
    List<T> all = new ArrayList<>();
    for (List<T> part : node.engine().jobRunner().runJob(node, (p, records) -> {
      List<T> list = new ArrayList<>();
      records.forEachRemaining(list::add);
      return list;
    })) {
      all.addAll(part);
    }
    return all;
  }

  /** Fisher-Yates, with the sample's own generator (Collections.shuffle takes only a java.util.Random). */
  private static <T> void shuffle(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, random.nextInt(i + 1));
    }
  }

  /**
   * Repeats every record a Poisson-distributed number of times of the record's mean: sampling with
   * replacement. Allocates nothing per record.
   */
  private static final class PoissonSampledIterator<T> implements Iterator<T> {
    private final Iterator<T> records;
    private final SplittableRandom random;
    private final ToDoubleFunction<T> meanOf;
    private T current;
    private int repeats;

    PoissonSampledIterator(Iterator<T> records, SplittableRandom random, ToDoubleFunction<T> meanOf) {
      this.records = records;
      this.random = random;
      this.meanOf = meanOf;
    }

    @Override
    public boolean hasNext() {
      while (repeats == 0 && records.hasNext()) {
        current = records.next();
        repeats = poisson(random, meanOf.applyAsDouble(current));
      }
      return repeats > 0;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      repeats--;
      return current;
    }
  }
}

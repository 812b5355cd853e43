package io.dstream.rdd;

import static io.dstream.rdd.PlainJava.multiset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code sample}, {@code takeSample} and {@code randomSplit}: samples are drawn from the input, as large as the
 * fraction says within statistical bounds, reproducible from the seed whatever the thread count, and drawn per
 * partition.
 */
class SamplingTest extends RddTestBase {
  private static final int RECORDS = 20000;

  /** Asserts that a count is within 6 standard deviations of a binomial's mean (fails about once in 10^9). */
  private static void assertBinomial(long count, long trials, double p) {
    double mean = trials * p;
    double bound = 6 * Math.sqrt(trials * p * (1 - p)) + 1;
    assertThat((double) count).as("count of %s trials with p = %s", trials, p).isBetween(mean - bound, mean + bound);
  }

  /** Asserts that every record of a sample is one of the input's, at most as often as there (without replacement). */
  private static <T> void assertSubMultiset(List<T> sample, List<T> input) {
    Map<T, Long> available = multiset(input);
    multiset(sample).forEach((x, n) -> assertThat(n).as("occurrences of %s", x).isLessThanOrEqualTo(
        available.getOrDefault(x, 0L)));
  }

  @Test
  void sampleWithoutReplacementKeepsEachRecordWithTheFraction() {
    List<Integer> data = range(RECORDS);
    RDD<Integer> rdd = ssc().parallelize(data, 8);
    for (double fraction : new double[] {0.01, 0.3, 0.9}) {
      List<Integer> sample = rdd.sample(false, fraction, 11L).collect();
      assertSubMultiset(sample, data);
      assertBinomial(sample.size(), RECORDS, fraction);
    }
    assertThat(rdd.sample(false, 0.0, 1L).collect()).isEmpty();
    assertThat(rdd.sample(false, 1.0, 1L).collect()).isEqualTo(data);
  }

  @Test
  void sampleWithReplacementDrawsEachRecordAPoissonNumberOfTimes() {
    List<Integer> data = range(RECORDS);
    RDD<Integer> rdd = ssc().parallelize(data, 8);
    for (double fraction : new double[] {0.2, 1.0, 3.5}) {
      List<Integer> sample = rdd.sample(true, fraction, 5L).collect();
      assertThat(new HashSet<>(data)).containsAll(sample);
      // The sum of RECORDS Poisson draws of mean fraction: mean and variance RECORDS * fraction.
      double mean = RECORDS * fraction;
      assertThat((double) sample.size()).isBetween(mean - 6 * Math.sqrt(mean), mean + 6 * Math.sqrt(mean));
    }
    assertThat(rdd.sample(true, 3.5, 5L).count()).as("recomputed, the same sample")
        .isEqualTo(rdd.sample(true, 3.5, 5L).collect().size());
    List<Integer> large = ssc().parallelize(range(10), 2).sample(true, 2000, 3L).collect();
    assertThat((double) large.size()).as("a mean above what exp() takes in one piece").isBetween(18000.0, 22000.0);
  }

  @Test
  void theSameSeedGivesTheSameSampleAndAnotherSeedAnother() {
    RDD<Integer> rdd = ssc().parallelize(range(5000), 6);
    RDD<Integer> sample = rdd.sample(false, 0.5, 42L);
    assertThat(sample.collect()).isEqualTo(sample.collect()).isEqualTo(rdd.sample(false, 0.5, 42L).collect());
    assertThat(rdd.sample(false, 0.5, 43L).collect()).isNotEqualTo(sample.collect());
    assertThat(rdd.sample(true, 0.5, 42L).collect()).isEqualTo(rdd.sample(true, 0.5, 42L).collect());
    RDD<Integer> unseeded = rdd.sample(false, 0.5);
    assertThat(unseeded.collect()).as("the seed is chosen once, when sample is called").isEqualTo(unseeded.collect());
  }

  @Test
  void samplesDoNotDependOnTheNumberOfWorkerThreads() {
    List<Integer> data = range(5000);
    Function<StreamingContext, List<Object>> draw = ssc -> {
      RDD<Integer> rdd = ssc.parallelize(data, 7);
      return List.of(rdd.sample(false, 0.3, 9L).collect(), rdd.sample(true, 1.5, 9L).collect(),
          rdd.takeSample(false, 100, 9L), rdd.takeSample(true, 100, 9L),
          rdd.randomSplit(new double[] {1, 2}, 9L)[0].collect());
    };
    List<Object> oneThread = draw.apply(useContext(new StreamingConf().setMaster("local[1]")));
    StreamingContext fourThreads =
        new StreamingContext(new StreamingConf().setMaster("local[4]"), Durations.seconds(1));
    try {
      assertThat(draw.apply(fourThreads)).isEqualTo(oneThread);
    } finally {
      fourThreads.stop();
    }
  }

  @Test
  void eachPartitionDrawsItsOwnNumbers() {
    // Two partitions with the same records: one generator for all partitions would keep the same positions.
    List<Integer> twice = new ArrayList<>(range(1000));
    twice.addAll(range(1000));
    List<List<Integer>> sampled = partitions(ssc().parallelize(twice, 2).sample(false, 0.5, 1L));
    assertThat(sampled.get(0)).isNotEqualTo(sampled.get(1));
  }

  @Test
  void sampleRefusesAFractionOutOfRange() {
    RDD<Integer> rdd = ssc().parallelize(range(10));
    assertThatThrownBy(() -> rdd.sample(false, -0.1, 1L)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -0.1");
    assertThatThrownBy(() -> rdd.sample(true, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -1.0");
    assertThatThrownBy(() -> rdd.sample(false, 1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 1, got 1.5").hasMessageContaining("with replacement");
    assertThatThrownBy(() -> rdd.sample(true, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }

  @Test
  void takeSampleGivesExactlyNumRecordsOfTheInput() {
    List<Integer> data = range(3000);
    RDD<Integer> rdd = ssc().parallelize(data, 5);
    for (int num : new int[] {1, 10, 2999}) {
      List<Integer> sample = rdd.takeSample(false, num, 3L);
      assertThat(sample).hasSize(num).doesNotHaveDuplicates();
      assertThat(data).containsAll(sample);
    }
    List<Integer> withReplacement = rdd.takeSample(true, 5000, 3L);
    assertThat(withReplacement).hasSize(5000);
    assertThat(new HashSet<>(data)).containsAll(withReplacement);
    assertThat(rdd.takeSample(false, 0)).isEmpty();
    assertThat(ssc().<Integer>emptyRDD().takeSample(true, 5)).isEmpty();
  }

  @Test
  void takeSampleOfAtLeastTheCountWithoutReplacementReturnsEveryRecordShuffled() {
    List<Integer> data = range(500);
    List<Integer> all = ssc().parallelize(data, 3).takeSample(false, 10000, 8L);
    assertThat(all).containsExactlyInAnyOrderElementsOf(data).isNotEqualTo(data);
  }

  @Test
  void takeSampleIsReproducibleAndRefusesANegativeCount() {
    RDD<Integer> rdd = ssc().parallelize(range(1000), 4);
    assertThat(rdd.takeSample(false, 20, 77L)).isEqualTo(rdd.takeSample(false, 20, 77L));
    assertThatThrownBy(() -> rdd.takeSample(false, -1, 1L)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takeSample(false, -1)").hasMessageContaining("must not be negative");
  }

  @Test
  void randomSplitPutsEveryRecordInExactlyOneSplitInProportion() {
    List<Integer> data = range(RECORDS);
    RDD<Integer> rdd = ssc().parallelize(data, 6);
    double[] weights = {2, 0, 1, 1};
    RDD<Integer>[] splits = rdd.randomSplit(weights, 21L);
    assertThat(splits).hasSize(4);
    List<Integer> together = new ArrayList<>();
    for (int i = 0; i < splits.length; i++) {
      List<Integer> split = splits[i].collect();
      assertBinomial(split.size(), RECORDS, weights[i] / 4);
      together.addAll(split);
    }
    assertThat(multiset(together)).isEqualTo(multiset(data));
    assertThat(rdd.randomSplit(weights, 21L)[0].collect()).isEqualTo(splits[0].collect());
  }

  @Test
  void randomSplitRefusesBadWeights() {
    RDD<Integer> rdd = ssc().parallelize(range(10));
    assertThatThrownBy(() -> rdd.randomSplit(new double[] {0.5, -0.1})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weight 1 is -0.1");
    assertThatThrownBy(() -> rdd.randomSplit(new double[] {0, 0})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum to 0.0");
    assertThatThrownBy(() -> rdd.randomSplit(new double[0])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rdd.randomSplit(new double[] {Double.NaN})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }
}

package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link DoubleRDD} and {@link StatCounter} against plain-Java statistics, and Spark's histogram rules. */
class DoubleRDDTest extends RddTestBase {

  private static List<Double> randomDoubles(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(random.nextDouble(-1000, 1000));
    }
    return values;
  }

  /** The population variance, by the two-pass textbook formula. */
  private static double populationVariance(List<Double> values) {
    double mean = values.stream().mapToDouble(x -> x).average().orElseThrow();
    return values.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / values.size();
  }

  @Test
  void statisticsMatchPlainJava() {
    List<Double> values = randomDoubles(1, 5000);
    DoubleRDD rdd = ssc().parallelize(values, 7).mapToDouble(x -> x);
    DoubleSummaryStatistics expected = values.stream().mapToDouble(x -> x).summaryStatistics();
    double variance = populationVariance(values);
    double sampleVariance = variance * values.size() / (values.size() - 1);

    assertThat(rdd.sum()).isCloseTo(expected.getSum(), within(1e-6));
    assertThat(rdd.mean()).isCloseTo(expected.getAverage(), within(1e-9));
    assertThat(rdd.variance()).isCloseTo(variance, within(1e-6));
    assertThat(rdd.popVariance()).isCloseTo(variance, within(1e-6));
    assertThat(rdd.sampleVariance()).isCloseTo(sampleVariance, within(1e-6));
    assertThat(rdd.stdev()).isCloseTo(Math.sqrt(variance), within(1e-9));
    assertThat(rdd.popStdev()).isCloseTo(Math.sqrt(variance), within(1e-9));
    assertThat(rdd.sampleStdev()).isCloseTo(Math.sqrt(sampleVariance), within(1e-9));
    assertThat(rdd.max()).isEqualTo(expected.getMax());
    assertThat(rdd.min()).isEqualTo(expected.getMin());

    StatCounter stats = rdd.stats();
    assertThat(stats.count()).isEqualTo(expected.getCount());
    assertThat(stats.mean()).isCloseTo(expected.getAverage(), within(1e-9));
    assertThat(stats.sum()).isCloseTo(expected.getSum(), within(1e-6));
    assertThat(stats.max()).isEqualTo(expected.getMax());
    assertThat(stats.min()).isEqualTo(expected.getMin());
    assertThat(stats.stdev()).isCloseTo(Math.sqrt(variance), within(1e-9));
  }

  @Test
  void sumKeepsSmallValuesThatAPlainSumLoses() {
    // 1e16 + 1 + 1 + ... loses every 1 in a plain double sum.
    List<Double> values = new ArrayList<>(List.of(1e16));
    for (int i = 0; i < 1000; i++) {
      values.add(1.0);
    }
    values.add(-1e16);
    assertThat(ssc().parallelize(values, 1).mapToDouble(x -> x).sum()).isEqualTo(1000.0);
  }

  @Test
  void statisticsOfNoValuesAreSparks() {
    DoubleRDD empty = ssc().parallelize(List.of(1.0), 2).mapToDouble(x -> x).filter(x -> x > 5);
    assertThat(empty.sum()).isZero();
    assertThat(empty.mean()).isZero();
    assertThat(empty.variance()).isNaN();
    assertThat(empty.sampleStdev()).isNaN();
    StatCounter stats = empty.stats();
    assertThat(stats.count()).isZero();
    assertThat(stats.max()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(stats.min()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(ssc().parallelize(List.of(3.0)).mapToDouble(x -> x).sampleVariance()).as("one value").isNaN();
    assertThatThrownBy(empty::max).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void statCountersMergeToTheCounterOfAllValues() {
    List<Double> values = randomDoubles(2, 1000);
    StatCounter whole = new StatCounter(values);
    StatCounter merged = new StatCounter(values.subList(0, 30))
        .merge(new StatCounter(values.subList(30, 990))).merge(new StatCounter(values.subList(990, 1000)));
    assertThat(merged.count()).isEqualTo(whole.count());
    assertThat(merged.mean()).isCloseTo(whole.mean(), within(1e-9));
    assertThat(merged.variance()).isCloseTo(whole.variance(), within(1e-6));
    assertThat(merged.max()).isEqualTo(whole.max());
    StatCounter copy = whole.copy();
    whole.merge(5000);
    assertThat(copy.count()).isEqualTo(1000);
    assertThat(whole.merge(whole).count()).as("merging with itself doubles").isEqualTo(2002);
    assertThat(new StatCounter(List.of(1.0, 2.0, 3.0))).hasToString(
        "(count: 3, mean: 2.000000, stdev: 0.816497, max: 3.000000, min: 1.000000)");
  }

  /** Spark's rule in plain Java: {@code [b(i), b(i+1))}, the last bucket closed; others not counted. */
  private static long[] histogramOf(List<Double> values, double[] bounds) {
    long[] counts = new long[bounds.length - 1];
    for (double v : values) {
      for (int i = 0; i < counts.length; i++) {
        boolean last = i == counts.length - 1;
        if (v >= bounds[i] && (v < bounds[i + 1] || last && v == bounds[i + 1])) {
          counts[i]++;
          break;
        }
      }
    }
    return counts;
  }

  @Test
  void histogramOfGivenBucketsFollowsSparksRules() {
    List<Double> values = new ArrayList<>(randomDoubles(3, 3000));
    values.addAll(List.of(-500.0, 0.0, 250.0, 1000.0, Double.NaN, 5000.0, -2000.0));
    DoubleRDD rdd = ssc().parallelize(values, 5).mapToDouble(x -> x);
    double[] bounds = {-500, 0, 250, 1000};
    assertThat(rdd.histogram(bounds)).isEqualTo(histogramOf(values, bounds));
    double[] open = {Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY};
    assertThat(rdd.histogram(open)).as("NaN is in no bucket").isEqualTo(histogramOf(values, open))
        .containsExactly(values.stream().filter(v -> v < 0).count(), values.stream().filter(v -> v >= 0).count());
    assertThat(ssc().<Double>emptyRDD().mapToDouble(x -> x).histogram(bounds)).containsExactly(0, 0, 0);
  }

  @Test
  void histogramOfABucketCountSpansTheRangeEvenly() {
    List<Double> values = randomDoubles(4, 2000);
    DoubleRDD rdd = ssc().parallelize(values, 4).mapToDouble(x -> x);
    double min = values.stream().mapToDouble(x -> x).min().orElseThrow();
    double max = values.stream().mapToDouble(x -> x).max().orElseThrow();

    Tuple2<double[], long[]> histogram = rdd.histogram(10);
    double[] bounds = histogram._1();
    assertThat(bounds).hasSize(11);
    for (int i = 0; i < 10; i++) {
      assertThat(bounds[i]).isCloseTo(min + i * (max - min) / 10, within(1e-9));
    }
    assertThat(bounds[10]).isEqualTo(max);
    assertThat(histogram._2()).isEqualTo(histogramOf(values, bounds));
    assertThat(Arrays.stream(histogram._2()).sum()).isEqualTo(values.size());

    Tuple2<double[], long[]> sparks = ssc().parallelize(List.of(1.0, 2.0, 3.0, 4.0)).mapToDouble(x -> x).histogram(2);
    assertThat(sparks._1()).containsExactly(1.0, 2.5, 4.0);
    assertThat(sparks._2()).containsExactly(2, 2);
    Tuple2<double[], long[]> equal = ssc().parallelize(List.of(7.0, 7.0)).mapToDouble(x -> x).histogram(5);
    assertThat(equal._1()).containsExactly(7.0, 7.0);
    assertThat(equal._2()).containsExactly(2);
  }

  @Test
  void histogramRefusesBadBucketsAndRangesItCannotDivide() {
    DoubleRDD rdd = ssc().parallelize(List.of(1.0, 2.0)).mapToDouble(x -> x);
    assertThatThrownBy(() -> rdd.histogram(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive, got 0");
    assertThatThrownBy(() -> rdd.histogram(new double[] {1})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two bounds, got [1.0]");
    assertThatThrownBy(() -> rdd.histogram(new double[] {0, 2, 2})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bound 2 (2.0) is not above bound 1 (2.0)");
    assertThatThrownBy(() -> rdd.histogram(new double[] {0, Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ssc().parallelize(List.of(1.0), 2).mapToDouble(x -> x).filter(x -> x > 1).histogram(3))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("is empty");
    assertThatThrownBy(() -> ssc().parallelize(List.of(1.0, Double.NaN)).mapToDouble(x -> x).histogram(3))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("NaN or an infinite value");
    assertThatThrownBy(() -> ssc().parallelize(List.of(1.0, Double.POSITIVE_INFINITY)).mapToDouble(x -> x)
        .histogram(3)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void numericTransformationsStayNumeric() {
    DoubleRDD rdd = ssc().parallelize(List.of(1.0, 2.0, 2.0, 3.0), 2).mapToDouble(x -> x);
    assertThat(rdd.filter(x -> x > 1).sum()).isEqualTo(7.0);
    assertThat(rdd.distinct().sum()).isEqualTo(6.0);
    assertThat(rdd.union(rdd).count()).isEqualTo(8);
    assertThat(rdd.repartition(3).coalesce(1).getNumPartitions()).isEqualTo(1);
    assertThat(rdd.sample(false, 1.0, 1L).sum()).isEqualTo(8.0);
    assertThat(rdd.cache().setName("numbers").name()).isEqualTo("numbers");
    assertThat(DoubleRDD.fromRDD(ssc().parallelize(List.of(0.5, 1.5))).mean()).isEqualTo(1.0);
    assertThat(DoubleRDD.fromRDD(rdd)).isSameAs(rdd);
  }

  @Test
  void setOperationsSplitsAndEvenBucketHistogramsStayNumericAndMatchPlainJava() {
    List<Double> values = List.of(1.0, 2.0, 2.0, 3.0, 4.0, 4.0);
    DoubleRDD numbers = ssc().parallelize(values, 3).mapToDouble(x -> x);
    DoubleRDD others = ssc().parallelize(List.of(2.0, 4.0, 9.0), 2).mapToDouble(x -> x);

    DoubleRDD rest = numbers.subtract(others);
    DoubleRDD restIn4 = numbers.subtract(others, 4);
    DoubleRDD common = numbers.intersection(others);
    DoubleRDD[] splits = numbers.randomSplit(new double[] {1, 1}, 3L);

    assertThat(rest.collect()).containsExactlyInAnyOrder(1.0, 3.0);
    assertThat(restIn4.getNumPartitions()).isEqualTo(4);
    assertThat(restIn4.sum()).isEqualTo(4.0);
    assertThat(common.collect()).containsExactlyInAnyOrder(2.0, 4.0);
    List<Double> together = new ArrayList<>(splits[0].collect());
    together.addAll(splits[1].collect());
    assertThat(together).containsExactlyInAnyOrderElementsOf(values);
    assertThat(splits[0].sum() + splits[1].sum()).isEqualTo(16.0);
    double[] even = {0, 2, 4};
    assertThat(numbers.histogram(even, true)).containsExactly(numbers.histogram(even)).containsExactly(1, 5);
    double[] uneven = {0, 1.5, 4};
    assertThat(numbers.histogram(uneven, true)).as("right even if the bounds are not even").containsExactly(1, 5);
  }
}

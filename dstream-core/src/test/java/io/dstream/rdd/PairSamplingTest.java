package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dstream.StreamingConf;
import io.dstream.Tuple2;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link PairRDD#sample} and {@link PairRDD#sampleByKey}: samples are drawn from the input, their sizes are within
 * five standard deviations of the expected size, a seed draws the same sample again, and bad rates are refused.
 */
class PairSamplingTest extends RddTestBase {
  private static final int RECORDS = 20_000;
  private static final int KEYS = 11;

  private final List<Tuple2<Integer, Integer>> input = RandomPairs.generate(7, RECORDS, KEYS, 0);

  private PairRDD<Integer, Integer> pairs() {
    return ssc().parallelizePairs(input, 4);
  }

  @Test
  void aSampleWithoutReplacementIsASubsetOfAboutTheFractionsSize() {
    for (double fraction : new double[] {0.05, 0.3, 0.9}) {
      List<Tuple2<Integer, Integer>> sample = pairs().sample(false, fraction, 11L).collect();
      assertThat(isSubMultiset(sample, input)).as("sample of %s drawn from the input", fraction).isTrue();
      assertWithinFiveSigma(sample.size(), RECORDS * fraction, RECORDS * fraction * (1 - fraction));
    }
    assertThat(pairs().sample(false, 0.0, 1L).collect()).isEmpty();
    assertThat(PlainJava.multiset(pairs().sample(false, 1.0, 1L).collect())).isEqualTo(PlainJava.multiset(input));
  }

  @Test
  void aSampleWithReplacementDrawsEachRecordAPoissonNumberOfTimes() {
    for (double fraction : new double[] {0.5, 2.5}) {
      List<Tuple2<Integer, Integer>> sample = pairs().sample(true, fraction, 5L).collect();
      assertThat(PlainJava.multiset(input).keySet()).containsAll(PlainJava.multiset(sample).keySet());
      // A sum of independent Poisson(fraction) draws: mean and variance are both RECORDS * fraction.
      assertWithinFiveSigma(sample.size(), RECORDS * fraction, RECORDS * fraction);
    }
  }

  @Test
  void theSameSeedDrawsTheSameSampleAndTheUnseededOneIsStableAcrossActions() {
    assertThat(pairs().sample(false, 0.2, 99L).collect()).isEqualTo(pairs().sample(false, 0.2, 99L).collect());
    assertThat(pairs().sample(false, 0.2, 99L).collect()).isNotEqualTo(pairs().sample(false, 0.2, 100L).collect());
    PairRDD<Integer, Integer> sampled = pairs().sample(true, 0.2);
    assertThat(sampled.collect()).as("a second action draws the same sample").isEqualTo(sampled.collect());
  }

  @Test
  void samplingKeepsThePartitioner() {
    Partitioner partitioner = new HashPartitioner(3);
    PairRDD<Integer, Integer> placed = pairs().partitionBy(partitioner);
    assertPlacedBy(placed.sample(false, 0.5, 1L), partitioner);
    assertPlacedBy(placed.sampleByKey(true, rates(0.5), 1L), partitioner);
  }

  @Test
  void sampleByKeyDrawsEachKeyAtItsOwnRate() {
    Map<Integer, Long> perKey = countsPerKey(input);
    for (boolean withReplacement : new boolean[] {false, true}) {
      Map<Integer, Double> fractions = new HashMap<>();
      for (int key = 0; key < KEYS; key++) {
        fractions.put(key, key / 10.0);   // 0.0, 0.1, ..., 1.0
      }
      List<Tuple2<Integer, Integer>> sample = pairs().sampleByKey(withReplacement, fractions, 3L).collect();
      Map<Integer, Long> sampledPerKey = countsPerKey(sample);
      for (int key = 0; key < KEYS; key++) {
        double rate = fractions.get(key);
        long n = perKey.get(key);
        double variance = withReplacement ? n * rate : n * rate * (1 - rate);
        assertWithinFiveSigma(sampledPerKey.getOrDefault(key, 0L), n * rate, variance);
      }
      if (!withReplacement) {
        assertThat(isSubMultiset(sample, input)).isTrue();
        assertThat(sampledPerKey.get(10)).as("rate 1.0 keeps every record of the key").isEqualTo(perKey.get(10));
      }
      assertThat(sampledPerKey).as("rate 0.0 drops the key").doesNotContainKey(0);
    }
  }

  @Test
  void badFractionsAreRefusedWhereTheSampleIsDefined() {
    PairRDD<Integer, Integer> pairs = pairs();
    assertThatThrownBy(() -> pairs.sample(false, -0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-0.1").hasMessageContaining("at least 0");
    assertThatThrownBy(() -> pairs.sample(false, 1.5, 1L)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5").hasMessageContaining("sample with replacement");
    assertThatThrownBy(() -> pairs.sample(true, Double.NaN, 1L)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThat(pairs.sample(true, 1.5, 1L)).as("more than 1 is fine with replacement").isNotNull();

    Map<Integer, Double> negative = rates(0.5);
    negative.put(4, -1.0);
    assertThatThrownBy(() -> pairs.sampleByKey(true, negative)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the key 4").hasMessageContaining("-1.0");
    Map<Integer, Double> tooLarge = rates(0.5);
    tooLarge.put(2, 2.0);
    assertThatThrownBy(() -> pairs.sampleByKey(false, tooLarge, 1L)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the key 2").hasMessageContaining("at most 1");
    Map<Integer, Double> withNull = rates(0.5);
    withNull.put(3, null);
    assertThatThrownBy(() -> pairs.sampleByKey(false, withNull, 1L)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the key 3").hasMessageContaining("null");
  }

  @Test
  void aKeyWithoutARateFailsTheActionNamingTheKey() {
    useContext(new StreamingConf().setMaster("local[2]").set("dstream.task.maxFailures", "1"));
    Map<Integer, Double> missingSeven = rates(0.5);
    missingSeven.remove(7);
    PairRDD<Integer, Integer> sample = pairs().sampleByKey(false, missingSeven, 1L);
    JobFailedException failure = catchThrowableOfType(JobFailedException.class, sample::count);
    assertThat(failure.getCause()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no sampling rate for the key 7").hasMessageContaining("give a rate for every key");
  }

  @Test
  void theFractionsMapIsCopied() {
    Map<Integer, Double> fractions = rates(1.0);
    PairRDD<Integer, Integer> sample = pairs().sampleByKey(false, fractions, 1L);
    fractions.replaceAll((k, v) -> 0.0);
    assertThat(sample.count()).isEqualTo(RECORDS);
  }

  private static Map<Integer, Double> rates(double rate) {
    Map<Integer, Double> fractions = new HashMap<>();
    for (int key = 0; key < KEYS; key++) {
      fractions.put(key, rate);
    }
    return fractions;
  }

  private static Map<Integer, Long> countsPerKey(List<Tuple2<Integer, Integer>> pairs) {
    Map<Integer, Long> counts = new HashMap<>();
    pairs.forEach(kv -> counts.merge(kv._1(), 1L, Long::sum));
    return counts;
  }

  private static <T> boolean isSubMultiset(List<T> part, List<T> whole) {
    Map<T, Long> available = PlainJava.multiset(whole);
    for (Map.Entry<T, Long> e : PlainJava.multiset(part).entrySet()) {
      if (available.getOrDefault(e.getKey(), 0L) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static void assertWithinFiveSigma(long actual, double expected, double variance) {
    double tolerance = 5 * Math.sqrt(variance);
    assertThat((double) actual).as("expected %s +- %s", expected, tolerance)
        .isBetween(expected - tolerance, expected + tolerance);
  }
}

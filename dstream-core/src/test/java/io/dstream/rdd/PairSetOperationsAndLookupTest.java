package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dstream.StreamingConf;
import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PairRDD#subtract}, {@link PairRDD#intersection}, {@link PairRDD#lookup} and
 * {@link PairRDD#reduceByKeyLocally} against plain Java, on random pairs with duplicates and null values.
 */
class PairSetOperationsAndLookupTest extends RddTestBase {
  private static final int KEYS = 40;

  private final List<Tuple2<Integer, Integer>> left = RandomPairs.generate(1, 3_000, KEYS, 20);
  private final List<Tuple2<Integer, Integer>> right = RandomPairs.generate(2, 3_000, KEYS, 20);

  @Test
  void subtractKeepsThePairsAbsentFromTheOtherWithTheirDuplicates() {
    Set<Tuple2<Integer, Integer>> removed = new HashSet<>(right);
    List<Tuple2<Integer, Integer>> expected = new ArrayList<>();
    for (Tuple2<Integer, Integer> kv : left) {
      if (!removed.contains(kv)) {
        expected.add(kv);
      }
    }
    assertThat(expected).as("the data exercise both kept and removed pairs").hasSizeBetween(1, left.size() - 1);
    PairRDD<Integer, Integer> l = ssc().parallelizePairs(left, 3);
    PairRDD<Integer, Integer> r = ssc().parallelizePairs(right, 2);

    assertThat(PlainJava.multiset(l.subtract(r).collect())).isEqualTo(PlainJava.multiset(expected));
    assertThat(l.subtract(r).getNumPartitions()).as("this RDD's partition count").isEqualTo(3);
    PairRDD<Integer, Integer> inFive = l.subtract(r, 5);
    assertThat(PlainJava.multiset(inFive.collect())).isEqualTo(PlainJava.multiset(expected));
    assertPlacedBy(inFive, new HashPartitioner(5));
    Partitioner partitioner = new HashPartitioner(4);
    assertPlacedBy(l.subtract(r, partitioner), partitioner);
  }

  @Test
  void subtractReadsAnInputPlacedByItsPartitionerWithoutShufflingIt() {
    Partitioner partitioner = new HashPartitioner(4);
    PairRDD<Integer, Integer> placed = ssc().parallelizePairs(left, 3).partitionBy(partitioner).cache();
    placed.count();
    PairRDD<Integer, Integer> rest = placed.subtract(ssc().parallelizePairs(right, 2));
    assertThat(rest.partitioner()).as("this RDD's partitioner by default").contains(partitioner);
    assertThat(stagesRunBy(rest, rest::count)).as("the other side's map stage, then the result's").isEqualTo(2);
  }

  @Test
  void intersectionHasEachCommonPairOnce() {
    Set<Tuple2<Integer, Integer>> expected = new LinkedHashSet<>(left);
    expected.retainAll(new HashSet<>(right));
    assertThat(expected).as("the data have common pairs").isNotEmpty();
    PairRDD<Integer, Integer> common = ssc().parallelizePairs(left, 3).intersection(ssc().parallelizePairs(right, 2));
    List<Tuple2<Integer, Integer>> actual = common.collect();
    assertThat(actual).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void lookupReturnsTheValuesOfOneKey() {
    PairRDD<Integer, Integer> pairs = ssc().parallelizePairs(left, 3);
    Map<Integer, List<Integer>> groups = PlainJava.groupByKey(left);
    for (int key : List.of(0, 7, 39)) {
      assertThat(pairs.lookup(key)).containsExactlyElementsOf(groups.get(key));
    }
    assertThat(pairs.lookup(KEYS + 1)).isEmpty();
    List<Tuple2<String, Integer>> withNullKey = List.of(new Tuple2<>(null, 1), new Tuple2<>("a", 2));
    assertThat(ssc().parallelizePairs(withNullKey, 2).lookup(null)).containsExactly(1);
  }

  @Test
  void lookupOnAPartitionedRddReadsOnlyTheKeysPartition() {
    PairRDD<Integer, Integer> placed = ssc().parallelizePairs(left, 3).partitionBy(new HashPartitioner(6)).cache();
    placed.count();
    Map<Integer, List<Integer>> groups = PlainJava.groupByKey(left);
    List<List<Integer>> found = new ArrayList<>();
    long tasks = tasksRunBy(placed, () -> found.add(placed.lookup(9)));
    assertThat(tasks).isEqualTo(1);
    assertThat(found.get(0)).containsExactlyInAnyOrderElementsOf(groups.get(9));
  }

  @Test
  void reduceByKeyLocallyMatchesPlainJava() {
    List<Tuple2<Integer, Integer>> noNulls = RandomPairs.generate(3, 5_000, KEYS, 0);
    Map<Integer, Integer> sums = ssc().parallelizePairs(noNulls, 4).reduceByKeyLocally(Integer::sum);
    assertThat(sums).isEqualTo(PlainJava.reduceByKey(noNulls, Integer::sum));
  }

  @Test
  void reduceByKeyLocallyNeverModifiesTheRecordsOfACachedRdd() {
    List<Tuple2<String, List<Integer>>> lists = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lists.add(new Tuple2<>("k" + i % 3, new ArrayList<>(List.of(i))));
    }
    PairRDD<String, List<Integer>> cached = ssc().parallelizePairs(lists, 3).cache();
    List<Tuple2<String, List<Integer>>> before = cached.collect().stream()
        .map(kv -> new Tuple2<String, List<Integer>>(kv._1(), List.copyOf(kv._2()))).toList();

    Map<String, List<Integer>> merged = cached.reduceByKeyLocally((a, b) -> {
      a.addAll(b);   // mutating the first argument, as Spark allows
      return a;
    });

    assertThat(cached.collect()).as("the cached records are unchanged").isEqualTo(before);
    Map<String, List<Integer>> groups = PlainJava.groupByKey(lists).entrySet().stream().collect(
        java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stream().flatMap(List::stream).toList()));
    assertThat(merged).hasSize(3);
    merged.forEach((key, values) -> assertThat(values).containsExactlyInAnyOrderElementsOf(groups.get(key)));
  }

  @Test
  void aFailingReduceFunctionFailsReduceByKeyLocallyWithItsException() {
    useContext(new StreamingConf().setMaster("local[2]").set("dstream.task.maxFailures", "1"));
    IllegalStateException boom = new IllegalStateException("boom");
    PairRDD<String, Integer> pairs = ssc().parallelizePairs(LETTER_PAIRS, 2);
    JobFailedException failure = catchThrowableOfType(JobFailedException.class,
        () -> pairs.reduceByKeyLocally((a, b) -> {
          throw boom;
        }));
    assertThat(failure.getCause()).isSameAs(boom);
  }

  @Test
  void badArgumentsAreRefused() {
    PairRDD<Integer, Integer> pairs = ssc().parallelizePairs(left, 3);
    assertThatThrownBy(() -> pairs.subtract(pairs, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subtract").hasMessageContaining("got 0");
    assertThatThrownBy(() -> pairs.subtract(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other");
    assertThatThrownBy(() -> pairs.intersection(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pairs.reduceByKeyLocally(null)).isInstanceOf(IllegalArgumentException.class);
  }
}

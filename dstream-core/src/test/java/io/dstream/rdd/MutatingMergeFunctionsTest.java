package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Merge functions may modify and return their first argument (the Spark idiom
 * {@code reduceByKey((a, b) -> { a.addAll(b); return a; })}). Records are passed by reference and shuffle
 * outputs are kept, so the engine must never hand a record's value or a kept map output's combiner to such
 * a function: reading the same data twice must give the same answer, and the input must stay as it was.
 */
class MutatingMergeFunctionsTest extends RddTestBase {

  private PairRDD<String, List<Integer>> listsByKey() {
    List<Tuple2<String, List<Integer>>> pairs = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      pairs.add(new Tuple2<>(i % 2 == 0 ? "even" : "odd", new ArrayList<>(List.of(i))));
    }
    return ssc().parallelizePairs(pairs, 4);
  }

  private static List<Integer> concat(List<Integer> a, List<Integer> b) {
    a.addAll(b);
    return a;
  }

  @Test
  void aMutatingReduceGivesTheSameResultEveryTimeTheShuffleIsRead() {
    PairRDD<String, List<Integer>> input = listsByKey();
    PairRDD<String, List<Integer>> reduced = input.reduceByKey(MutatingMergeFunctionsTest::concat, 2);

    Map<String, List<Integer>> first = sorted(reduced.collectAsMap());
    Map<String, List<Integer>> second = sorted(reduced.collectAsMap());

    assertThat(first).containsOnly(Map.entry("odd", List.of(1, 3, 5, 7)), Map.entry("even", List.of(2, 4, 6, 8)));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aMutatingReduceLeavesTheInputRecordsUnchanged() {
    PairRDD<String, List<Integer>> input = listsByKey();
    input.reduceByKey(MutatingMergeFunctionsTest::concat, 2).collect();

    assertThat(input.values().collect()).allSatisfy(list -> assertThat(list).hasSize(1));
  }

  @Test
  void aCombinerCreatedAsTheValueItselfIsNotModifiedInPlace() {
    PairRDD<String, List<Integer>> input = listsByKey();
    PairRDD<String, List<Integer>> combined = input.combineByKey(v -> v, MutatingMergeFunctionsTest::concat,
        MutatingMergeFunctionsTest::concat, 2);

    Map<String, List<Integer>> first = sorted(combined.collectAsMap());
    Map<String, List<Integer>> second = sorted(combined.collectAsMap());

    assertThat(first.get("odd")).containsExactly(1, 3, 5, 7);
    assertThat(second).isEqualTo(first);
    assertThat(input.values().collect()).allSatisfy(list -> assertThat(list).hasSize(1));
  }

  @Test
  void groupedListsAreTheSameOnEveryRead() {
    PairRDD<String, Iterable<Integer>> grouped = ssc().parallelizePairs(LETTER_PAIRS, 3).groupByKey(2);

    List<Tuple2<String, Iterable<Integer>>> first = grouped.collect();
    List<Tuple2<String, Iterable<Integer>>> second = grouped.collect();

    assertThat(second.toString()).isEqualTo(first.toString());
  }

  private static Map<String, List<Integer>> sorted(Map<String, List<Integer>> map) {
    map.replaceAll((k, v) -> v.stream().sorted().toList());
    return map;
  }
}

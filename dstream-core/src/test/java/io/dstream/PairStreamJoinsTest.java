package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.HashPartitioner;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The joins of two pair streams (join, leftOuterJoin, rightOuterJoin, fullOuterJoin, cogroup) combine each
 * batch of one stream with the same batch of the other exactly as the plain-Java definition of the join
 * does, with repeated keys on both sides, keys on one side only and batches empty on one side, in the
 * default layout, with a number of partitions and with a partitioner.
 */
@ExtendWith(TestStreamingContextExtension.class)
class PairStreamJoinsTest {
  /** Keys 0..7, repeated within batches; batch 1 is empty. */
  private static final List<List<Tuple2<Integer, Integer>>> LEFT = TestData.randomPairs(51, 5, 20, 0, 8);
  /** Keys 4..11 (so 4..7 are on both sides); batch 1 has records while LEFT's is empty; no batch 4. */
  private static final List<List<Tuple2<Integer, Integer>>> RIGHT = rightInput();
  private static final int BATCHES = LEFT.size();
  private static final ReversedModPartitioner PARTITIONER = new ReversedModPartitioner(4);

  private static List<List<Tuple2<Integer, Integer>>> rightInput() {
    List<List<Tuple2<Integer, Integer>>> right = new ArrayList<>(TestData.randomPairs(52, 4, 20, 4, 8));
    right.set(1, List.of(new Tuple2<>(5, 1), new Tuple2<>(9, 2), new Tuple2<>(9, 3)));
    return right;
  }

  @Test
  void theInputsShareSomeKeysRepeatKeysAndHaveKeysOnOneSideOnly() {
    List<Integer> leftKeys = LEFT.get(0).stream().map(Tuple2::_1).toList();
    List<Integer> rightKeys = RIGHT.get(0).stream().map(Tuple2::_1).toList();
    assertThat(leftKeys).containsAnyElementsOf(rightKeys);
    assertThat(leftKeys).hasSizeGreaterThan(new HashSet<>(leftKeys).size());
    assertThat(rightKeys).hasSizeGreaterThan(new HashSet<>(rightKeys).size());
    assertThat(leftKeys).anyMatch(k -> !rightKeys.contains(k));
    assertThat(rightKeys).anyMatch(k -> !leftKeys.contains(k));
  }

  @Test
  void joinPairsEveryValueOfAKeyOnOneSideWithEveryValueOfItOnTheOther(TestStreamingContext t) {
    PairDStream<String, Integer> left = t.pairInputStream(List.of(List.of(
        new Tuple2<>("both", 1), new Tuple2<>("both", 2), new Tuple2<>("left", 3))));
    PairDStream<String, String> right = t.pairInputStream(List.of(List.of(
        new Tuple2<>("both", "x"), new Tuple2<>("right", "y"), new Tuple2<>("both", "z"))));
    CollectedOutput<Tuple2<String, Tuple2<Integer, String>>> out = t.collect(left.join(right));

    t.runBatches(1);

    assertThat(out.batches().get(0)).containsExactlyInAnyOrder(
        new Tuple2<>("both", new Tuple2<>(1, "x")), new Tuple2<>("both", new Tuple2<>(1, "z")),
        new Tuple2<>("both", new Tuple2<>(2, "x")), new Tuple2<>("both", new Tuple2<>(2, "z")));
  }

  @Test
  void joinMatchesItsDefinitionInEveryLayout(TestStreamingContext t) {
    assertEveryLayout(t, (l, r) -> l.join(r), (l, r) -> l.join(r, 3), (l, r) -> l.join(r, PARTITIONER),
        (l, r) -> TestData.multiset(innerJoin(l, r)), TestData::multiset);
  }

  @Test
  void leftOuterJoinMatchesItsDefinitionInEveryLayout(TestStreamingContext t) {
    assertEveryLayout(t, (l, r) -> l.leftOuterJoin(r), (l, r) -> l.leftOuterJoin(r, 3),
        (l, r) -> l.leftOuterJoin(r, PARTITIONER), (l, r) -> TestData.multiset(leftOuterJoin(l, r)),
        TestData::multiset);
  }

  @Test
  void rightOuterJoinMatchesItsDefinitionInEveryLayout(TestStreamingContext t) {
    assertEveryLayout(t, (l, r) -> l.rightOuterJoin(r), (l, r) -> l.rightOuterJoin(r, 3),
        (l, r) -> l.rightOuterJoin(r, PARTITIONER), (l, r) -> TestData.multiset(rightOuterJoin(l, r)),
        TestData::multiset);
  }

  @Test
  void fullOuterJoinMatchesItsDefinitionInEveryLayout(TestStreamingContext t) {
    assertEveryLayout(t, (l, r) -> l.fullOuterJoin(r), (l, r) -> l.fullOuterJoin(r, 3),
        (l, r) -> l.fullOuterJoin(r, PARTITIONER), (l, r) -> TestData.multiset(fullOuterJoin(l, r)),
        TestData::multiset);
  }

  @Test
  void cogroupMatchesItsDefinitionInEveryLayout(TestStreamingContext t) {
    assertEveryLayout(t, (l, r) -> l.cogroup(r), (l, r) -> l.cogroup(r, 3), (l, r) -> l.cogroup(r, PARTITIONER),
        PairStreamJoinsTest::cogroup, PairStreamJoinsTest::sortedCogroups);
  }

  @Test
  void aNonPositivePartitionCountIsRefusedWhereTheJoinIsDefined(TestStreamingContext t) {
    PairDStream<Integer, Integer> left = t.pairInputStream(LEFT);
    PairDStream<Integer, Integer> right = t.pairInputStream(RIGHT);

    List<ThrowingCallable> definitions = List.of(() -> left.join(right, 0), () -> left.leftOuterJoin(right, 0),
        () -> left.rightOuterJoin(right, 0), () -> left.fullOuterJoin(right, -1), () -> left.cogroup(right, 0));
    for (ThrowingCallable definition : definitions) {
      assertThatThrownBy(definition).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("number of partitions must be positive");
    }
  }

  @Test
  void joiningStreamsWithDifferentSlideDurationsIsRefused(TestStreamingContext t) {
    PairDStream<Integer, Integer> left = t.pairInputStream(LEFT);
    PairDStream<Integer, Integer> everySecond =
        PairDStream.fromDStream(DoubledSlideStreamNode.everySecondBatch(t.pairInputStream(RIGHT)));

    List<ThrowingCallable> definitions = List.of(() -> left.join(everySecond),
        () -> left.leftOuterJoin(everySecond, PARTITIONER), () -> everySecond.rightOuterJoin(left),
        () -> left.fullOuterJoin(everySecond), () -> left.cogroup(everySecond));
    for (ThrowingCallable definition : definitions) {
      assertThatThrownBy(definition).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("different slide durations");
    }
  }

  /**
   * Runs an operation on LEFT and RIGHT in its three layouts and checks every batch of each against the
   * plain-Java result (both normalized, since record order depends on the layout), and the layouts of the
   * numbered and partitioner variants.
   */
  private static <R> void assertEveryLayout(TestStreamingContext t, Join<R> byDefault, Join<R> byCount,
      Join<R> byPartitioner,
      BiFunction<List<Tuple2<Integer, Integer>>, List<Tuple2<Integer, Integer>>, Object> expected,
      Function<List<Tuple2<Integer, R>>, Object> normalized) {
    PairDStream<Integer, Integer> left = t.pairInputStream(LEFT);
    PairDStream<Integer, Integer> right = t.pairInputStream(RIGHT);
    List<PartitionedOutput<Tuple2<Integer, R>>> outputs = List.of(
        PartitionedOutput.of(byDefault.apply(left, right)),
        PartitionedOutput.of(byCount.apply(left, right)),
        PartitionedOutput.of(byPartitioner.apply(left, right)));

    t.runBatches(BATCHES);

    List<Object> wanted = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      wanted.add(expected.apply(LEFT.get(b), b < RIGHT.size() ? RIGHT.get(b) : List.of()));
    }
    for (PartitionedOutput<Tuple2<Integer, R>> output : outputs) {
      assertThat(TestData.perBatch(output.records(), normalized)).isEqualTo(wanted);
    }
    outputs.get(1).assertPlacedBy(new HashPartitioner(3));
    outputs.get(2).assertPlacedBy(PARTITIONER);
  }

  /** One of a join's overloads, applied to the left and the right stream. */
  private interface Join<R> {
    PairDStream<Integer, R> apply(PairDStream<Integer, Integer> left, PairDStream<Integer, Integer> right);
  }

  // ---- the plain-Java definitions ------------------------------------------------------------------------

  private static List<Tuple2<Integer, Tuple2<Integer, Integer>>> innerJoin(List<Tuple2<Integer, Integer>> left,
      List<Tuple2<Integer, Integer>> right) {
    List<Tuple2<Integer, Tuple2<Integer, Integer>>> out = new ArrayList<>();
    for (Tuple2<Integer, Integer> l : left) {
      for (Integer w : valuesOf(l._1(), right)) {
        out.add(new Tuple2<>(l._1(), new Tuple2<>(l._2(), w)));
      }
    }
    return out;
  }

  private static List<Tuple2<Integer, Tuple2<Integer, Optional<Integer>>>> leftOuterJoin(
      List<Tuple2<Integer, Integer>> left, List<Tuple2<Integer, Integer>> right) {
    List<Tuple2<Integer, Tuple2<Integer, Optional<Integer>>>> out = new ArrayList<>();
    for (Tuple2<Integer, Integer> l : left) {
      for (Optional<Integer> w : valuesOrEmpty(l._1(), right)) {
        out.add(new Tuple2<>(l._1(), new Tuple2<>(l._2(), w)));
      }
    }
    return out;
  }

  private static List<Tuple2<Integer, Tuple2<Optional<Integer>, Integer>>> rightOuterJoin(
      List<Tuple2<Integer, Integer>> left, List<Tuple2<Integer, Integer>> right) {
    List<Tuple2<Integer, Tuple2<Optional<Integer>, Integer>>> out = new ArrayList<>();
    for (Tuple2<Integer, Integer> r : right) {
      for (Optional<Integer> v : valuesOrEmpty(r._1(), left)) {
        out.add(new Tuple2<>(r._1(), new Tuple2<>(v, r._2())));
      }
    }
    return out;
  }

  private static List<Tuple2<Integer, Tuple2<Optional<Integer>, Optional<Integer>>>> fullOuterJoin(
      List<Tuple2<Integer, Integer>> left, List<Tuple2<Integer, Integer>> right) {
    List<Tuple2<Integer, Tuple2<Optional<Integer>, Optional<Integer>>>> out = new ArrayList<>();
    for (Tuple2<Integer, Tuple2<Integer, Optional<Integer>>> l : leftOuterJoin(left, right)) {
      out.add(new Tuple2<>(l._1(), new Tuple2<>(Optional.of(l._2()._1()), l._2()._2())));
    }
    for (Tuple2<Integer, Integer> r : right) {
      if (valuesOf(r._1(), left).isEmpty()) {
        out.add(new Tuple2<>(r._1(), new Tuple2<>(Optional.empty(), Optional.of(r._2()))));
      }
    }
    return out;
  }

  private static Map<Integer, Tuple2<List<Integer>, List<Integer>>> cogroup(List<Tuple2<Integer, Integer>> left,
      List<Tuple2<Integer, Integer>> right) {
    Map<Integer, Tuple2<List<Integer>, List<Integer>>> out = new TreeMap<>();
    for (List<Tuple2<Integer, Integer>> side : List.of(left, right)) {
      for (Tuple2<Integer, Integer> p : side) {
        out.put(p._1(), new Tuple2<>(TestData.sorted(valuesOf(p._1(), left)),
            TestData.sorted(valuesOf(p._1(), right))));
      }
    }
    return out;
  }

  private static Map<Integer, Tuple2<List<Integer>, List<Integer>>> sortedCogroups(
      List<Tuple2<Integer, Tuple2<Iterable<Integer>, Iterable<Integer>>>> records) {
    Map<Integer, Tuple2<List<Integer>, List<Integer>>> out = new TreeMap<>();
    TestData.asMap(records).forEach((key, groups) ->
        out.put(key, new Tuple2<>(TestData.sorted(groups._1()), TestData.sorted(groups._2()))));
    return out;
  }

  private static List<Integer> valuesOf(Integer key, List<Tuple2<Integer, Integer>> pairs) {
    return pairs.stream().filter(p -> p._1().equals(key)).map(Tuple2::_2).toList();
  }

  private static List<Optional<Integer>> valuesOrEmpty(Integer key, List<Tuple2<Integer, Integer>> pairs) {
    List<Integer> values = valuesOf(key, pairs);
    return values.isEmpty() ? List.of(Optional.empty()) : values.stream().map(Optional::of).toList();
  }
}

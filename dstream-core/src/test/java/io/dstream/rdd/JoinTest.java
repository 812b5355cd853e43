package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Tuple2;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Joins, cogroup and subtractByKey of {@link PairRDD}, on small hand-checked data. */
class JoinTest extends RddTestBase {

  private PairRDD<String, Integer> left() {
    return ssc().parallelizePairs(List.of(new Tuple2<>("a", 1), new Tuple2<>("a", 2), new Tuple2<>("b", 3),
        new Tuple2<>("c", 4)), 2);
  }

  private PairRDD<String, String> right() {
    return ssc().parallelizePairs(List.of(new Tuple2<>("a", "x"), new Tuple2<>("b", "y"), new Tuple2<>("b", "z"),
        new Tuple2<>("d", "w")), 3);
  }

  @Test
  void joinPairsEveryValueOfAKeyWithEveryValueOnTheOtherSide() {
    assertThat(left().join(right()).collect()).containsExactlyInAnyOrder(
        pair("a", new Tuple2<>(1, "x")), pair("a", new Tuple2<>(2, "x")),
        pair("b", new Tuple2<>(3, "y")), pair("b", new Tuple2<>(3, "z")));
  }

  @Test
  void leftOuterJoinKeepsKeysMissingOnTheRight() {
    assertThat(left().leftOuterJoin(right()).collect()).containsExactlyInAnyOrder(
        pair("a", new Tuple2<>(1, Optional.of("x"))), pair("a", new Tuple2<>(2, Optional.of("x"))),
        pair("b", new Tuple2<>(3, Optional.of("y"))), pair("b", new Tuple2<>(3, Optional.of("z"))),
        pair("c", new Tuple2<>(4, Optional.empty())));
  }

  @Test
  void rightOuterJoinKeepsKeysMissingOnTheLeft() {
    assertThat(left().rightOuterJoin(right()).collect()).containsExactlyInAnyOrder(
        pair("a", new Tuple2<>(Optional.of(1), "x")), pair("a", new Tuple2<>(Optional.of(2), "x")),
        pair("b", new Tuple2<>(Optional.of(3), "y")), pair("b", new Tuple2<>(Optional.of(3), "z")),
        pair("d", new Tuple2<>(Optional.empty(), "w")));
  }

  @Test
  void fullOuterJoinKeepsKeysMissingOnEitherSide() {
    assertThat(left().fullOuterJoin(right()).collect()).containsExactlyInAnyOrder(
        pair("a", new Tuple2<>(Optional.of(1), Optional.of("x"))),
        pair("a", new Tuple2<>(Optional.of(2), Optional.of("x"))),
        pair("b", new Tuple2<>(Optional.of(3), Optional.of("y"))),
        pair("b", new Tuple2<>(Optional.of(3), Optional.of("z"))),
        pair("c", new Tuple2<>(Optional.of(4), Optional.empty())),
        pair("d", new Tuple2<>(Optional.empty(), Optional.of("w"))));
  }

  @Test
  void cogroupListsBothSidesValuesForEveryKey() {
    Map<String, Tuple2<Iterable<Integer>, Iterable<String>>> groups =
        PlainJava.uniqueKeys(left().cogroup(right()).collect());
    assertThat(groups).containsOnlyKeys("a", "b", "c", "d");
    assertThat(groups.get("a")._1()).containsExactlyInAnyOrder(1, 2);
    assertThat(groups.get("a")._2()).containsExactly("x");
    assertThat(groups.get("b")._1()).containsExactly(3);
    assertThat(groups.get("b")._2()).containsExactlyInAnyOrder("y", "z");
    assertThat(groups.get("c")._1()).containsExactly(4);
    assertThat(groups.get("c")._2()).isEmpty();
    assertThat(groups.get("d")._1()).isEmpty();
    assertThat(groups.get("d")._2()).containsExactly("w");
  }

  @Test
  void subtractByKeyDropsEveryRecordWhoseKeyIsOnTheOtherSide() {
    assertThat(left().subtractByKey(right()).collect()).containsExactly(new Tuple2<>("c", 4));
    assertThat(right().subtractByKey(left()).collect()).containsExactly(new Tuple2<>("d", "w"));
  }

  @Test
  void joiningWithAnEmptyRddGivesOnlyTheOuterSide() {
    PairRDD<String, String> none = PairRDD.fromRDD(ssc().emptyRDD());
    assertThat(left().join(none).collect()).isEmpty();
    assertThat(left().leftOuterJoin(none).values().map(Tuple2::_2).collect()).hasSize(4).containsOnly(Optional.empty());
    assertThat(left().subtractByKey(none).collect()).containsExactlyInAnyOrderElementsOf(left().collect());
    assertThat(none.join(left()).collect()).isEmpty();
  }

  @Test
  void selfJoinPairsEachKeysValuesWithThemselves() {
    PairRDD<String, Integer> l = left();
    assertThat(l.join(l).filter(kv -> kv._1().equals("a")).values().collect()).containsExactlyInAnyOrder(
        new Tuple2<>(1, 1), new Tuple2<>(1, 2), new Tuple2<>(2, 1), new Tuple2<>(2, 2));
  }

  private static <K, V> Tuple2<K, V> pair(K key, V value) {
    return new Tuple2<>(key, value);
  }
}

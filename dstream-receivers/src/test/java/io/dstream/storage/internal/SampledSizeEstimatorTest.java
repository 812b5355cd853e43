package io.dstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SampledSizeEstimatorTest {
  private final SampledSizeEstimator estimator = new SampledSizeEstimator();

  record Event(String name, long time, int[] values) {}

  static final class Node {
    Node next;
    final byte[] payload = new byte[100];
  }

  private static List<String> strings(int count, int length) {
    return IntStream.range(0, count).mapToObj(i -> "x".repeat(length - 1) + (i % 10)).toList();
  }

  @Test
  void longerStringsAreEstimatedLargerAndAtLeastTheirLength() {
    long shortStrings = estimator.estimate(strings(100, 10));
    long longStrings = estimator.estimate(strings(100, 1000));

    assertThat(longStrings).isGreaterThan(shortStrings).isGreaterThanOrEqualTo(100L * 1000);
    assertThat(shortStrings).isGreaterThanOrEqualTo(100L * 10);
  }

  @Test
  void aSampledLargeBlockIsEstimatedInProportionToItsRecordCount() {
    long thousand = estimator.estimate(strings(1_000, 50));
    long hundredThousand = estimator.estimate(strings(100_000, 50));

    assertThat((double) hundredThousand / thousand).isBetween(90.0, 110.0);
  }

  @Test
  void fieldsArraysAndNestedCollectionsAreCounted() {
    Event small = new Event("e", 1, new int[1]);
    Event large = new Event("e", 1, new int[1000]);
    List<List<Integer>> nested = List.of(new ArrayList<>(IntStream.range(0, 500).boxed().toList()));
    Map<String, String> map = new HashMap<>();
    IntStream.range(0, 200).forEach(i -> map.put("key" + i, "value" + i));

    assertThat(estimator.estimate(List.of(large)) - estimator.estimate(List.of(small)))
        .isGreaterThanOrEqualTo(999L * 4);
    assertThat(estimator.estimate(nested)).isGreaterThan(500L * 16);
    assertThat(estimator.estimate(List.of(map))).isGreaterThan(200L * 2 * 40);
  }

  @Test
  void anObjectReachedTwiceIsCountedOnceAndCyclesEnd() {
    Node node = new Node();
    node.next = node;
    List<Object> shared = Collections.nCopies(1, List.of(node, node, node));

    long once = estimator.estimate(List.of(List.of(node)));
    long thrice = estimator.estimate(shared);

    assertThat(thrice - once).isLessThan(100);
  }

  @Test
  void jdkClassesClosedToReflectionAndNullsAreEstimatedWithoutFailing() {
    List<Object> records = new ArrayList<>();
    records.add(LocalDate.of(2024, 1, 1));
    records.add(null);
    records.add(Thread.State.RUNNABLE);

    assertThat(estimator.estimate(records)).isPositive();
    assertThat(estimator.estimate(List.of())).isPositive();
  }
}

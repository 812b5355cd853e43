package io.dstream.internal.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueCopierTest {
  private static final ValueCopier COPIER = new ValueCopier(new KryoSerializer(), false);

  /** A mutable accumulator without a no-argument constructor. */
  static final class Histogram {
    final List<Integer> buckets;

    Histogram(int size) {
      buckets = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        buckets.add(0);
      }
    }
  }

  @Test
  void mutableZeroValuesAreCopiedDeeply() {
    Set<String> zero = new HashSet<>();
    Set<String> copy = COPIER.copy(zero);
    copy.add("x");
    assertThat(zero).isEmpty();

    Histogram histogram = new Histogram(3);
    Histogram histogramCopy = COPIER.copy(histogram);
    histogramCopy.buckets.set(0, 9);
    assertThat(histogram.buckets).containsExactly(0, 0, 0);

    Map<String, List<Integer>> nested = Map.of("k", new ArrayList<>(List.of(1)));
    Map<String, List<Integer>> nestedCopy = COPIER.copy(nested);
    nestedCopy.get("k").add(2);
    assertThat(nested.get("k")).containsExactly(1);
  }

  @Test
  void immutableZeroValuesAreReturnedAsTheyAre() {
    String text = new String("zero");
    Long number = 1234567L;
    assertThat(COPIER.copy(text)).isSameAs(text);
    assertThat(COPIER.copy(number)).isSameAs(number);
    Object nothing = COPIER.copy(null);
    assertThat(nothing).isNull();
  }
}

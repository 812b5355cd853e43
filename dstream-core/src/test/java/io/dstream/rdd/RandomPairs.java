package io.dstream.rdd;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random key-value data: duplicate keys, some null values, reproducible from the seed. */
final class RandomPairs {
  private RandomPairs() {}

  /**
   * Returns {@code records} pairs with keys in {@code [0, distinctKeys)} and values in {@code [0, 1000)},
   * about one value in {@code nullEvery} being null ({@code 0}: none).
   */
  static List<Tuple2<Integer, Integer>> generate(long seed, int records, int distinctKeys, int nullEvery) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Tuple2<Integer, Integer>> pairs = new ArrayList<>(records);
    for (int i = 0; i < records; i++) {
      Integer value = nullEvery > 0 && random.nextInt(nullEvery) == 0 ? null : random.nextInt(1000);
      pairs.add(new Tuple2<>(random.nextInt(distinctKeys), value));
    }
    return pairs;
  }
}

package io.dstream.examples;

import io.dstream.Tuple2;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads (word, count) pairs back into maps, to compare with {@link PlainWordCount}. */
final class CountPairs {
  private static final Pattern PAIR = Pattern.compile("\\(([^,()]+),(\\d+)\\)");

  private CountPairs() {}

  /**
   * Maps each word of a batch to its count.
   *
   * @param pairs the (word, count) pairs of one batch
   * @return the counts, sorted by word
   * @throws AssertionError if a word has more than one pair: a word count has one pair per word
   */
  static Map<String, Integer> toMap(List<Tuple2<String, Integer>> pairs) {
    Map<String, Integer> map = new TreeMap<>();
    for (Tuple2<String, Integer> pair : pairs) {
      if (map.put(pair._1(), pair._2()) != null) {
        throw new AssertionError("a second pair for '" + pair._1() + "' in one batch: " + pairs);
      }
    }
    return map;
  }

  /**
   * Adds up the counts of the lines of a {@link CountsFile}, {@code Counts at time <ms> ms [(word,count), ...]}.
   *
   * @param lines the file's lines
   * @return each word and the sum of its counts over all lines
   */
  static Map<String, Integer> summedInCountsFile(List<String> lines) {
    Map<String, Integer> sums = new TreeMap<>();
    for (String line : lines) {
      Matcher pair = PAIR.matcher(line);
      while (pair.find()) {
        sums.merge(pair.group(1), Integer.parseInt(pair.group(2)), Integer::sum);
      }
    }
    return sums;
  }
}

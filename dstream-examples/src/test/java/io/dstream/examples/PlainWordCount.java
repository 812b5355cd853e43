package io.dstream.examples;

import java.util.Collection;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.TreeMap;

/**
 * Counts words with plain Java, the reference the examples' outputs are compared with; it splits with a
 * {@link StringTokenizer}, not with the examples' own code.
 */
final class PlainWordCount {
  private PlainWordCount() {}

  /**
   * Counts the words of lines, separated by spaces, tabs and line breaks.
   *
   * @param lines the lines
   * @return each word and how often it occurs, sorted by word
   */
  static Map<String, Integer> count(Collection<String> lines) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : lines) {
      StringTokenizer words = new StringTokenizer(line);
      while (words.hasMoreTokens()) {
        counts.merge(words.nextToken(), 1, Integer::sum);
      }
    }
    return counts;
  }
}

package io.dstream.examples;

import io.dstream.DStream;
import io.dstream.PairDStream;
import io.dstream.Tuple2;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The word count that most examples run on their own source: lines split into words at whitespace, each
 * word paired with 1, and the pairs summed per word.
 */
public final class WordCounts {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private WordCounts() {}

  /**
   * Splits lines into words and pairs each word with 1: the input of {@code reduceByKey} and of the window
   * operations.
   *
   * @param lines the lines of text
   * @return one {@code (word, 1)} pair per word of every line; blank lines bring none
   */
  public static PairDStream<String, Integer> wordOnes(DStream<String> lines) {
    return lines.flatMap(line -> Arrays.stream(WHITESPACE.split(line)).filter(word -> !word.isEmpty()).iterator())
        .mapToPair(word -> new Tuple2<>(word, 1));
  }

  /**
   * Counts the words of each batch.
   *
   * <pre>{@code
   * WordCounts.countPerBatch(ssc.socketTextStream("localhost", 9999)).print();
   * }</pre>
   *
   * @param lines the lines of text
   * @return one {@code (word, count)} pair per distinct word of each batch; shuffles each batch once
   */
  public static PairDStream<String, Integer> countPerBatch(DStream<String> lines) {
    return wordOnes(lines).reduceByKey(Integer::sum);
  }
}

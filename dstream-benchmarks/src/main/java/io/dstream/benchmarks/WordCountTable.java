package io.dstream.benchmarks;

import io.dstream.rdd.RDD;
import java.util.Map;

/**
 * A SQL engine holding one batch's words as a table {@code words(word)}, for the SQL word count benchmark: the
 * batch is loaded, then {@link #QUERY} runs over it and its rows are read into Java.
 */
interface WordCountTable extends AutoCloseable {
  /** The benchmark's query, the guide's DataFrame word count. */
  String QUERY = "select word, count(*) as total from words group by word";

  /**
   * Loads a batch's words, replacing the previous batch's.
   *
   * @param words the words
   */
  void load(RDD<String> words);

  /**
   * Runs {@link #QUERY} over the loaded words and reads its rows.
   *
   * @return each word's total
   */
  Map<String, Long> countWords();

  /** Releases the engine. */
  @Override
  void close();
}

package io.dstream.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Test batches of words, and their counts by plain Java: the oracle of the SQL word counts. */
final class Words {
  private Words() {}

  /** The bean of the streaming guide's DataFrame word count. */
  public static class JavaRow implements java.io.Serializable {
    private String word;

    public String getWord() {
      return word;
    }

    public void setWord(String word) {
      this.word = word;
    }

    static JavaRow of(String word) {
      JavaRow row = new JavaRow();
      row.setWord(word);
      return row;
    }
  }

  static List<List<String>> batches(int count, int wordsPerBatch, long seed) {
    Random random = new Random(seed);
    List<List<String>> batches = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      List<String> batch = new ArrayList<>();
      for (int i = 0; i < wordsPerBatch; i++) {
        batch.add("w" + random.nextInt(1 + b * 3));
      }
      batches.add(batch);
    }
    return batches;
  }

  static Map<String, Long> count(List<String> words) {
    Map<String, Long> counts = new TreeMap<>();
    for (String word : words) {
      counts.merge(word, 1L, Long::sum);
    }
    return counts;
  }

  static Map<String, Long> asCounts(List<Row> rows) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row row : rows) {
      counts.put(row.getString(0), row.getLong(1));
    }
    return counts;
  }
}

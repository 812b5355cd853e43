package io.dstream.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code DStream.print()} wrote: captures standard output while an example runs, and parses the
 * text back into batches.
 */
final class PrintedBatches {
  private static final String RULE = "-------------------------------------------";
  private static final Pattern TIME = Pattern.compile("Time: (\\d+) ms");

  /** One printed batch: its time and the record lines under its header. */
  record Batch(long timeMillis, List<String> records) {}

  /** Code to run while standard output is captured. */
  interface Action {
    void run() throws Exception;
  }

  /**
   * Standard output redirected to a buffer until closed, readable meanwhile: {@code print()} writes each
   * batch with one call, so the text read between two calls holds whole batches.
   */
  static final class Capture implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private Capture() {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    /** Returns everything written to standard output since the capture began. */
    String text() {
      return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Restores standard output. */
    @Override
    public void close() {
      System.setOut(original);
    }
  }

  private PrintedBatches() {}

  /**
   * Redirects {@code System.out} to a buffer until the returned capture is closed.
   *
   * @return the capture
   */
  static Capture captureStdout() {
    return new Capture();
  }

  /**
   * Runs an action with {@code System.out} redirected to a buffer, and restores it afterwards.
   *
   * @param action what to run
   * @return everything written to standard output meanwhile
   * @throws Exception whatever the action threw
   */
  static String captureStdout(Action action) throws Exception {
    try (Capture capture = captureStdout()) {
      action.run();
      return capture.text();
    }
  }

  /**
   * Reads the {@code (word,count)} records of one printed batch.
   *
   * @param batch a printed batch of word counts
   * @return each word and its count
   * @throws IllegalArgumentException if a record is not a (word,count) pair, or the batch had more records than
   *     {@code print()} shows (the line {@code ...}): keep a test's vocabulary under ten words
   */
  static Map<String, Integer> counts(Batch batch) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String record : batch.records()) {
      if (record.equals("...")) {
        throw new IllegalArgumentException("print() showed only the first records of " + batch
            + "; keep the test's vocabulary under ten words");
      }
      int comma = record.lastIndexOf(',');
      if (!record.startsWith("(") || !record.endsWith(")") || comma < 0) {
        throw new IllegalArgumentException("not a printed (word,count) pair: '" + record + "' in " + batch);
      }
      if (counts.put(record.substring(1, comma), Integer.parseInt(record.substring(comma + 1, record.length() - 1)))
          != null) {
        throw new IllegalArgumentException("a word printed twice in one batch: " + batch);
      }
    }
    return counts;
  }

  /**
   * Adds up the word counts of every printed batch.
   *
   * @param text the captured output of a word count's {@code print()}
   * @return each word and the sum of its printed counts
   * @throws IllegalArgumentException as {@link #parse} and {@link #counts} do
   */
  static Map<String, Integer> summedCounts(String text) {
    Map<String, Integer> sums = new TreeMap<>();
    for (Batch batch : parse(text)) {
      counts(batch).forEach((word, count) -> sums.merge(word, count, Integer::sum));
    }
    return sums;
  }

  /**
   * Adds up all the counts of every printed batch: how many words were counted.
   *
   * @param text the captured output of a word count's {@code print()}
   * @return the sum of every printed count
   * @throws IllegalArgumentException as {@link #parse} and {@link #counts} do
   */
  static int totalCount(String text) {
    return summedCounts(text).values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Parses {@code print()} output: a rule, {@code Time: <ms> ms}, a rule, the records one per line, a blank
   * line.
   *
   * @param text the captured output
   * @return the batches in the order printed
   * @throws IllegalArgumentException if the text is not in that format
   */
  static List<Batch> parse(String text) {
    List<String> lines = text.lines().toList();
    List<Batch> batches = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      Matcher time = i + 2 < lines.size() ? TIME.matcher(lines.get(i + 1)) : null;
      if (!lines.get(i).equals(RULE) || time == null || !time.matches() || !lines.get(i + 2).equals(RULE)) {
        throw new IllegalArgumentException("line " + (i + 1) + " does not start a printed batch: " + text);
      }
      i += 3;
      List<String> records = new ArrayList<>();
      while (i < lines.size() && !lines.get(i).isEmpty()) {
        records.add(lines.get(i++));
      }
      if (i == lines.size()) {
        throw new IllegalArgumentException("the last printed batch does not end with a blank line: " + text);
      }
      i++;
      batches.add(new Batch(Long.parseLong(time.group(1)), records));
    }
    return batches;
  }
}

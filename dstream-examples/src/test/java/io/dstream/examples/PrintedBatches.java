package io.dstream.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

  private PrintedBatches() {}

  /**
   * Runs an action with {@code System.out} redirected to a buffer, and restores it afterwards.
   *
   * @param action what to run
   * @return everything written to standard output meanwhile
   * @throws Exception whatever the action threw
   */
  static String captureStdout(Action action) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
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

package io.dstream.internal.stream;

import io.dstream.Time;
import java.util.List;

/**
 * Formats the output of {@code DStream.print()} exactly as Spark Streaming prints it: a header with the
 * batch time, up to {@code num} records one per line, {@code ...} if there were more, and a blank line.
 */
public final class BatchPrinter {
  private static final String RULE = "-------------------------------------------";

  private BatchPrinter() {}

  /**
   * Formats one batch.
   *
   * @param time the batch time
   * @param firstRecords the batch's first {@code num + 1} records (fewer if it has fewer)
   * @param num how many records to show
   * @return the text to print, ending with a blank line
   */
  public static String format(Time time, List<?> firstRecords, int num) {
    StringBuilder out = new StringBuilder();
    out.append(RULE).append('\n').append("Time: ").append(time).append('\n').append(RULE).append('\n');
    for (int i = 0; i < Math.min(num, firstRecords.size()); i++) {
      out.append(firstRecords.get(i)).append('\n');
    }
    if (firstRecords.size() > num) {
      out.append("...\n");
    }
    return out.append('\n').toString();
  }
}

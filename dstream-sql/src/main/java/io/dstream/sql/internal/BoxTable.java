package io.dstream.sql.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Draws rows as the box table of Spark's {@code Dataset.show}: {@code +---+} borders, every column at least 3
 * wide, cells cut to {@code truncate} characters (the last 3 of them {@code ...}) and right-aligned when
 * {@code truncate} is positive, left-aligned and whole when it is 0, and {@code only showing top n rows} under
 * it when there were more.
 */
public final class BoxTable {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private BoxTable() {}

  /**
   * Returns the table.
   *
   * @param header the column names
   * @param rows the rows shown, each of the header's size
   * @param truncate the most characters of a cell, or 0 for whole cells
   * @param more whether there are rows beyond those shown
   * @param timeZone the zone timestamps are shown in (the session's)
   * @return the table, each line (the last too) ending with a line break
   */
  public static String draw(String[] header, List<Object[]> rows, int truncate, boolean more, ZoneId timeZone) {
    String[][] cells = new String[rows.size() + 1][];
    cells[0] = cut(header.clone(), truncate);
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = rows.get(r);
      String[] line = new String[row.length];
      for (int c = 0; c < row.length; c++) {
        line[c] = cell(row[c], timeZone);
      }
      cells[r + 1] = cut(line, truncate);
    }
    int[] widths = new int[header.length];
    for (String[] line : cells) {
      for (int c = 0; c < line.length; c++) {
        widths[c] = Math.max(Math.max(3, widths[c]), line[c].length());
      }
    }
    StringBuilder border = new StringBuilder("+");
    for (int width : widths) {
      border.append("-".repeat(width)).append('+');
    }
    border.append('\n');
    StringBuilder table = new StringBuilder(border);
    for (int r = 0; r < cells.length; r++) {
      table.append('|');
      for (int c = 0; c < widths.length; c++) {
        String padding = " ".repeat(widths[c] - cells[r][c].length());
        table.append(truncate > 0 ? padding + cells[r][c] : cells[r][c] + padding).append('|');
      }
      table.append('\n');
      if (r == 0) {
        table.append(border);
      }
    }
    table.append(border);
    if (more) {
      table.append("only showing top ").append(rows.size()).append(rows.size() == 1 ? " row\n" : " rows\n");
    }
    return table.toString();
  }

  private static String[] cut(String[] line, int truncate) {
    for (int c = 0; c < line.length; c++) {
      String text = line[c];
      if (truncate > 0 && text.length() > truncate) {
        line[c] = truncate < 4 ? text.substring(0, truncate) : text.substring(0, truncate - 3) + "...";
      }
    }
    return line;
  }

  /**
   * A value as Spark shows it: null as {@code null}, bytes in hexadecimal, a timestamp in the zone without a zero
   * fraction.
   */
  private static String cell(Object value, ZoneId timeZone) {
    String text;
    if (value == null) {
      text = "null";
    } else if (value instanceof byte[] bytes) {
      StringBuilder hex = new StringBuilder("[");
      for (int i = 0; i < bytes.length; i++) {
        hex.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i]));
      }
      text = hex.append(']').toString();
    } else if (value instanceof Timestamp timestamp) {
      text = timestamp(timestamp, timeZone);
    } else if (value instanceof BigDecimal decimal) {
      text = decimal.toPlainString();
    } else {
      text = value.toString();
    }
    return text.replace("\n", "\\n").replace("\t", "\\t");
  }

  private static String timestamp(Timestamp timestamp, ZoneId timeZone) {
    String seconds = SECONDS.format(timestamp.toInstant().atZone(timeZone));
    int nanos = timestamp.getNanos();
    if (nanos == 0) {
      return seconds;
    }
    String fraction = String.format("%09d", nanos).replaceFirst("0+$", "");
    return seconds + "." + fraction;
  }
}

package io.dstream;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's size and time strings, as {@code SparkConf.getSizeAsBytes} and {@code getTimeAsMs} read them: a
 * whole number with an optional unit, case-insensitive. Sizes count in powers of 1024 ({@code 10k} is 10240
 * bytes); a number without a unit is bytes, or milliseconds for a time.
 */
final class SizeAndTimeStrings {
  private static final Pattern WHOLE = Pattern.compile("(-?[0-9]+)([a-z]*)");
  private static final Pattern FRACTION = Pattern.compile("-?[0-9]*\\.[0-9]+([a-z]*)");
  private static final Map<String, Integer> SIZE_SHIFTS = Map.ofEntries(Map.entry("", 0), Map.entry("b", 0),
      Map.entry("k", 10), Map.entry("kb", 10), Map.entry("m", 20), Map.entry("mb", 20), Map.entry("g", 30),
      Map.entry("gb", 30), Map.entry("t", 40), Map.entry("tb", 40), Map.entry("p", 50), Map.entry("pb", 50));
  private static final Map<String, Long> MICROS_PER_UNIT = Map.of("us", 1L, "ms", 1_000L, "", 1_000L,
      "s", 1_000_000L, "m", 60_000_000L, "min", 60_000_000L, "h", 3_600_000_000L, "d", 86_400_000_000L);
  private static final String SIZE_UNITS = "use a whole number of bytes with an optional unit b, k, m, g, t or p "
      + "(powers of 1024), such as 512, 64k or 10m";
  private static final String TIME_UNITS = "use a whole number with an optional unit us, ms, s, m or min, h or d "
      + "(milliseconds without one), such as 500ms, 5s or 10min";

  private SizeAndTimeStrings() {}

  /**
   * Reads a size.
   *
   * @param text such as {@code 10k} or {@code 1048576}
   * @return the size in bytes
   * @throws IllegalArgumentException if the text is not a whole, non-negative size with a known unit, or the
   *     size does not fit in a long
   */
  static long bytes(String text) {
    Matcher m = matcher(text, SIZE_UNITS);
    Integer shift = SIZE_SHIFTS.get(m.group(2));
    if (shift == null) {
      throw new IllegalArgumentException("'" + m.group(2) + "' is not a size unit; " + SIZE_UNITS);
    }
    long amount = amount(m, SIZE_UNITS);
    if (amount < 0) {
      throw new IllegalArgumentException("a size cannot be negative; " + SIZE_UNITS);
    }
    if (amount > Long.MAX_VALUE >> shift) {
      throw new IllegalArgumentException("the size is too large to count in bytes");
    }
    return amount << shift;
  }

  /**
   * Reads a time.
   *
   * @param text such as {@code 500ms}, {@code 5s} or {@code 200}
   * @return the time in milliseconds (microseconds are rounded down)
   * @throws IllegalArgumentException if the text is not a whole time with a known unit, or does not fit in a
   *     long
   */
  static long millis(String text) {
    Matcher m = matcher(text, TIME_UNITS);
    Long micros = MICROS_PER_UNIT.get(m.group(2));
    if (micros == null) {
      throw new IllegalArgumentException("'" + m.group(2) + "' is not a time unit; " + TIME_UNITS);
    }
    long amount = amount(m, TIME_UNITS);
    try {
      return micros >= 1_000L ? Math.multiplyExact(amount, micros / 1_000L) : amount / 1_000L;
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("the time is too large to count in milliseconds", e);
    }
  }

  private static Matcher matcher(String text, String units) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = WHOLE.matcher(lower);
    if (m.matches()) {
      return m;
    }
    if (FRACTION.matcher(lower).matches()) {
      throw new IllegalArgumentException("fractions are not supported; " + units);
    }
    throw new IllegalArgumentException("not a number with a unit; " + units);
  }

  private static long amount(Matcher m, String units) {
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the number " + m.group(1) + " is too large; " + units, e);
    }
  }
}

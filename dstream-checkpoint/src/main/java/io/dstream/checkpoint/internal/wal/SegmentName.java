package io.dstream.checkpoint.internal.wal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a segment file, {@code log-<sequence>-<start>-<stop>}: segments are read in the order of
 * their sequence number, and every record in a segment has a time before {@code stop}, which is what lets
 * {@link FileWriteAheadLog} skip or delete a segment by its name alone.
 */
record SegmentName(long sequence, long startMs, long stopMs) {
  private static final Pattern NAME = Pattern.compile("log-(\\d{1,19})-(\\d{1,19})-(\\d{1,19})");

  static Optional<SegmentName> parse(String fileName) {
    Matcher matcher = NAME.matcher(fileName);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SegmentName(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
          Long.parseLong(matcher.group(3))));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  String fileName() {
    // The padding keeps a directory listing in sequence order for people looking at it.
    return String.format("log-%010d-%d-%d", sequence, startMs, stopMs);
  }

  /** True if the segment may hold a record whose time is after the given time. */
  boolean mayHoldRecordsAfter(long timeMs) {
    return stopMs - 1 > timeMs;
  }

  /** True if every record in the segment is older than the given time. */
  boolean isOlderThan(long thresholdMs) {
    return stopMs <= thresholdMs;
  }
}

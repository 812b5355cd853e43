package io.dstream;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the output directories of one run of {@link FaultInjectionSoakChild} against what was fed to it,
 * using only what does not depend on the moment a record arrived (which batch a file or a block lands in
 * depends on the wall clock, and differs between runs):
 *
 * <ul>
 *   <li>{@code lines}: across all batches, every record fed in a file appears exactly once (lost, duplicated,
 *       unknown counted);
 *   <li>{@code window}: at every batch time {@code T}, the count of each key equals the sum of that key's
 *       records in the {@code lines} batches {@code T}, {@code T - b} and {@code T - 2b}; over all batches
 *       the counts add up to 3 times the records (every record is in exactly 3 windows, as the run goes on
 *       until the last record's batch is 2 batches old);
 *   <li>{@code totals}: at every batch time {@code T}, the count of each key equals its count at
 *       {@code T - b} plus its records in the {@code lines} batch {@code T}; the last batch's counts equal the
 *       fed records' counts per key;
 *   <li>all three have a directory for every batch time from the first to the last (no batch skipped);
 *   <li>{@code received}: every record offered to the receiver's source appears at least once (lost,
 *       duplicated, unknown counted);
 *   <li>no half-written (hidden) directory is left.
 * </ul>
 */
final class SoakOutputCheck {
  private final CrashLoop loop;
  private final long batchMillis;
  private final TreeMap<Long, Map<String, Integer>> linesPerKey = new TreeMap<>();
  private final List<String> outputLines = new ArrayList<>();

  /** The figures of one run; each problem is a count, 0 when the run held its guarantee. */
  record Figures(int fileRecords, int linesLost, int linesDuplicated, int linesUnknown, int batches,
      int batchesMissing, int windowBatchesWrong, long windowTotal, int totalsBatchesWrong,
      Map<String, Integer> finalTotals, boolean finalTotalsEqualFed, int receiverRecords, int receiverLost,
      int receiverDuplicated, int receiverUnknown, int resent, int hiddenLeftovers) {

    /** Whether the file-stream outputs are exactly once and the receiver's at least once. */
    boolean held() {
      return linesLost == 0 && linesDuplicated == 0 && linesUnknown == 0 && batchesMissing == 0
          && windowBatchesWrong == 0 && windowTotal == (long) FaultInjectionSoakChild.WINDOW_BATCHES * fileRecords
          && totalsBatchesWrong == 0 && finalTotalsEqualFed && receiverLost == 0 && receiverUnknown == 0
          && hiddenLeftovers == 0;
    }
  }

  SoakOutputCheck(CrashLoop loop, long batchMillis) {
    this.loop = loop;
    this.batchMillis = batchMillis;
  }

  /** Reads the run's outputs and checks them against the records fed and offered. */
  Figures check(List<String> offeredToReceiver, int resent) throws IOException {
    for (Path dir : loop.outputDirectories(FaultInjectionSoakChild.LINES)) {
      List<String> lines = CrashLoop.linesIn(dir);
      outputLines.addAll(lines);
      linesPerKey.put(CrashLoop.batchTime(dir), perKey(lines));
    }
    List<String> fed = loop.fedLines();
    Tally lines = Tally.of(fed, outputLines);
    List<String> received = new ArrayList<>();
    for (Path dir : loop.outputDirectories(FaultInjectionSoakChild.RECEIVED)) {
      received.addAll(CrashLoop.linesIn(dir));
    }
    Tally receiver = Tally.of(offeredToReceiver, received);

    Map<String, Integer> finalTotals = new TreeMap<>();
    int totalsWrong = 0;
    Map<String, Integer> previous = Map.of();
    long previousTime = Long.MIN_VALUE;
    List<Path> totalsDirs = loop.outputDirectories(FaultInjectionSoakChild.TOTALS);
    for (Path dir : totalsDirs) {
      long time = CrashLoop.batchTime(dir);
      Map<String, Integer> totals = CrashLoop.countsIn(dir);
      Map<String, Integer> expected = new TreeMap<>(time - batchMillis == previousTime ? previous : Map.of());
      linesAt(time).forEach((key, count) -> expected.merge(key, count, Integer::sum));
      totalsWrong += totals.equals(expected) ? 0 : 1;
      previous = totals;
      previousTime = time;
      finalTotals = totals;
    }

    int windowWrong = 0;
    long windowTotal = 0;
    List<Path> windowDirs = loop.outputDirectories(FaultInjectionSoakChild.WINDOW);
    for (Path dir : windowDirs) {
      long time = CrashLoop.batchTime(dir);
      Map<String, Integer> counts = withoutZeros(CrashLoop.countsIn(dir));
      Map<String, Integer> expected = new TreeMap<>();
      for (int back = 0; back < FaultInjectionSoakChild.WINDOW_BATCHES; back++) {
        linesAt(time - back * batchMillis).forEach((key, count) -> expected.merge(key, count, Integer::sum));
      }
      windowWrong += counts.equals(expected) ? 0 : 1;
      windowTotal += counts.values().stream().mapToLong(Integer::longValue).sum();
    }

    int missing = missingBatchTimes(linesPerKey.keySet()) + missingBatchTimes(batchTimes(totalsDirs))
        + missingBatchTimes(batchTimes(windowDirs));
    return new Figures(fed.size(), lines.lost, lines.duplicated, lines.unknown, linesPerKey.size(), missing,
        windowWrong, windowTotal, totalsWrong, finalTotals, finalTotals.equals(perKey(fed)), offeredToReceiver.size(),
        receiver.lost, receiver.duplicated, receiver.unknown, resent, loop.hiddenLeftovers().size());
  }

  /** The records fed in files that the run's {@code lines} outputs hold, all batches together, sorted. */
  List<String> outputLinesSorted() {
    return outputLines.stream().sorted().toList();
  }

  private Map<String, Integer> linesAt(long time) {
    return linesPerKey.getOrDefault(time, Map.of());
  }

  private static Map<String, Integer> perKey(Collection<String> records) {
    Map<String, Integer> counts = new TreeMap<>();
    records.forEach(record -> counts.merge(SoakFeed.keyOf(record), 1, Integer::sum));
    return counts;
  }

  /** The incremental window keeps a key whose records all left the window, with the count 0. */
  private static Map<String, Integer> withoutZeros(Map<String, Integer> counts) {
    Map<String, Integer> kept = new TreeMap<>(counts);
    kept.values().removeIf(count -> count == 0);
    return kept;
  }

  private static List<Long> batchTimes(List<Path> dirs) {
    return dirs.stream().map(CrashLoop::batchTime).toList();
  }

  private int missingBatchTimes(Collection<Long> times) {
    if (times.isEmpty()) {
      return 0;
    }
    long first = times.stream().mapToLong(Long::longValue).min().getAsLong();
    long last = times.stream().mapToLong(Long::longValue).max().getAsLong();
    return (int) ((last - first) / batchMillis + 1 - times.size());
  }

  /** How the records that came out compare with those that went in: each id is unique. */
  private record Tally(int lost, int duplicated, int unknown) {
    static Tally of(List<String> in, List<String> out) {
      Map<String, Integer> times = new HashMap<>();
      in.forEach(record -> times.put(record, 0));
      int unknown = 0;
      for (String record : out) {
        Integer seen = times.computeIfPresent(record, (r, n) -> n + 1);
        unknown += seen == null ? 1 : 0;
      }
      int lost = 0;
      int duplicated = 0;
      for (int seen : times.values()) {
        lost += seen == 0 ? 1 : 0;
        duplicated += Math.max(0, seen - 1);
      }
      return new Tally(lost, duplicated, unknown);
    }
  }
}

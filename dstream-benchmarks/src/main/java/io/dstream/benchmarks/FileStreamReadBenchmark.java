package io.dstream.benchmarks;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures how fast a file stream reads text: one file of {@link ZipfWordStream} lines (256 MiB by default)
 * in a temporary directory, counted by {@code fileStream(...).count()} in one batch of a
 * {@code TestStreamingContext} (the batch's job lists the directory, reads the file and counts its lines),
 * on {@code local[1]} and {@code local[2]}. Each configuration runs one warm-up batch and then a number of
 * measured ones (5 by default), each in a fresh context; it prints the median and best read rate in MiB/s
 * of the file's bytes.
 *
 * <p>Run it from the repository root with
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@filestream -pl dstream-benchmarks -am
 * }</pre>
 *
 * <p>which starts it in a JVM of its own with {@code -Xmx4g -Xms4g} (the {@code filestream} execution in this
 * module's pom). Add {@code -Dfilestream.args="MiB runs"} for another file size or number of runs.
 */
public final class FileStreamReadBenchmark {
  private static final int DEFAULT_MIB = 256;
  private static final int DEFAULT_RUNS = 5;

  private FileStreamReadBenchmark() {}

  /**
   * Writes the file, measures each worker count and prints one line per count.
   *
   * @param args optionally the file size in MiB and the number of measured runs
   * @throws IOException if the file cannot be written or deleted
   */
  public static void main(String[] args) throws IOException {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_MIB;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_RUNS;
    if (mib < 1 || runs < 1) {
      throw new IllegalArgumentException("the file size in MiB and the number of runs must be positive, got "
          + mib + " and " + runs);
    }
    Path directory = Files.createTempDirectory("dstream-filestream-benchmark");
    try {
      long lines = writeFile(directory.resolve("words.txt"), (long) mib << 20);
      System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, max heap %d MiB; file: %d MiB, %d lines; "
              + "%d measured runs after 1 warm-up%n", Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, mib, lines, runs);
      for (int workers : new int[] {1, 2}) {
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
          double seconds = countOnce(directory, workers, lines);
          if (run > 0) {
            rates.add(mib / seconds);
          }
        }
        rates.sort(null);
        System.out.printf(Locale.ROOT, "fileStream -> count(), local[%d]: median %.0f MiB/s, best %.0f MiB/s%n",
            workers, rates.get(rates.size() / 2), rates.get(rates.size() - 1));
      }
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /** Counts the directory's lines in one batch; returns the seconds the batch took. */
  private static double countOnce(Path directory, int workers, long expectedLines) {
    System.gc();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().setMaster("local[" + workers + "]").setAppName("filestream-benchmark"))) {
      CollectedOutput<Long> counts = t.collect(t.context().fileStream(directory.toString(), file -> true, false)
          .count());
      // Far after the file's modification time, so that the first batch takes it.
      t.clock().setTime(System.currentTimeMillis() + 60_000);
      long start = System.nanoTime();
      t.runBatches(1);
      double seconds = (System.nanoTime() - start) / 1e9;
      long counted = counts.batches().get(0).get(0);
      if (counted != expectedLines) {
        throw new IllegalStateException("counted " + counted + " lines where the file has " + expectedLines);
      }
      return seconds;
    }
  }

  /** Writes lines until the file has at least that many bytes; returns the number of lines. */
  private static long writeFile(Path file, long bytes) throws IOException {
    ZipfWordStream words = new ZipfWordStream(10_000);
    long written = 0;
    long lines = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      while (written < bytes) {
        String line = words.nextLine();
        out.write(line);
        out.write('\n');
        written += line.length() + 1;
        lines++;
      }
    }
    return lines;
  }
}

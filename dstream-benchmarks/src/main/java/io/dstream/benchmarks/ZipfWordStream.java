package io.dstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark data of {@code shared/bench/WORKLOAD.md}: lines of ten words drawn from a Zipf
 * distribution (exponent 1) over the vocabulary {@code w0 .. w(V-1)}, from one {@link SplittableRandom}
 * seeded with 42 for the whole stream. Batch {@code b} holds lines {@code [b*L, (b+1)*L)}, so batches must be
 * drawn in order from one instance.
 */
public final class ZipfWordStream {
  /** The seed the workload definition fixes. */
  public static final long SEED = 42;
  /** Words per line. */
  public static final int WORDS_PER_LINE = 10;

  private final double[] cdf;
  private final String[] words;
  private final SplittableRandom random = new SplittableRandom(SEED);

  /**
   * Creates the stream.
   *
   * @param vocabulary V, the number of distinct words
   * @throws IllegalArgumentException if V is not positive
   */
  public ZipfWordStream(int vocabulary) {
    if (vocabulary <= 0) {
      throw new IllegalArgumentException("the vocabulary size must be positive, got " + vocabulary);
    }
    double total = 0;
    for (int r = 0; r < vocabulary; r++) {
      total += 1.0 / (r + 1);
    }
    cdf = new double[vocabulary];
    words = new String[vocabulary];
    double running = 0;
    for (int r = 0; r < vocabulary; r++) {
      running += 1.0 / (r + 1);
      cdf[r] = running / total;
      words[r] = "w" + r;
    }
    cdf[vocabulary - 1] = 1.0;
  }

  /**
   * Draws the next line.
   *
   * @return ten words joined by single spaces
   */
  public String nextLine() {
    StringBuilder line = new StringBuilder(WORDS_PER_LINE * 6);
    for (int i = 0; i < WORDS_PER_LINE; i++) {
      if (i > 0) {
        line.append(' ');
      }
      line.append(words[rank(random.nextDouble())]);
    }
    return line.toString();
  }

  /**
   * Draws the next batch.
   *
   * @param lines L, the number of lines
   * @return the lines
   */
  public List<String> nextBatch(int lines) {
    List<String> batch = new ArrayList<>(lines);
    for (int i = 0; i < lines; i++) {
      batch.add(nextLine());
    }
    return batch;
  }

  /** Returns the smallest rank whose cumulative probability is at least {@code u}. */
  private int rank(double u) {
    int low = 0;
    int high = cdf.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cdf[mid] >= u) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }
}

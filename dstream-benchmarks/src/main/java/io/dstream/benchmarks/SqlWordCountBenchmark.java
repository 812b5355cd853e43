package io.dstream.benchmarks;

import io.dstream.StreamingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The SQL word count ({@link WordCountTable#QUERY}) over W1's batches (the workload harness's Zipf words, V =
 * 10,000, 1,000,000 words per batch, {@code local[2]}), on dstream-sql's engine (DuckDB) and on H2, beside W1's
 * {@code reduceByKey} in the same JVM. Each round runs the three over the same pre-generated batches, in an order
 * that turns from round to round, so that all see the same machine load. A SQL batch loads its words into the
 * engine, then runs the query and reads its rows into a {@code HashMap}; the benchmark times the two apart, and
 * checks the first batch's totals against a plain-Java count. H2, which takes seconds a batch, runs the first
 * {@value #H2_WARM_UP} + {@value #H2_MEASURED} batches only. It prints words/s of batch time through the engine (median,
 * min, max over all rounds' measured batches), the ratio to W1's median, and the medians of the two parts.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@sql -pl dstream-benchmarks -am -Dsql.args="3"
 * }</pre>
 */
public final class SqlWordCountBenchmark {
  private static final int WARM_UP = 3;
  private static final int MEASURED = 10;
  private static final int VOCABULARY = 10_000;
  /** H2 takes seconds a batch: it runs fewer batches, the first of the same input, 1 warm-up and 3 measured. */
  private static final int H2_WARM_UP = 1;
  private static final int H2_MEASURED = 3;

  private SqlWordCountBenchmark() {}

  /** One SQL engine's measured batches: processing, loading and query times in milliseconds. */
  private record SqlTimes(List<Double> processing, List<Double> load, List<Double> query) {
    SqlTimes() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  /**
   * Runs the rounds and prints the figures.
   *
   * @param args the number of rounds (3 by default), and {@code --quick} for 100,000 words per batch instead of
   *     1,000,000
   * @throws Exception if a run fails, or a SQL engine's totals differ from the plain-Java count
   */
  public static void main(String[] args) throws Exception {
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    boolean quick = arguments.remove("--quick");
    int rounds = arguments.isEmpty() ? 3 : Integer.parseInt(arguments.get(0));
    int lines = quick ? 10_000 : 100_000;
    long words = (long) lines * ZipfWordStream.WORDS_PER_LINE;
    List<List<String>> batches = WorkloadHarness.generate(VOCABULARY, lines, WARM_UP + MEASURED);
    System.out.printf("machine: %d cores, Java %s; V=%d, %d words per batch; %d rounds of %d warm-up and %d "
            + "measured batches%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        VOCABULARY, words, rounds, WARM_UP, MEASURED);
    Map<String, Long> firstBatch = plainJavaCount(batches.get(0));
    List<Double> w1 = new ArrayList<>();
    SqlTimes duckDb = new SqlTimes();
    SqlTimes h2 = new SqlTimes();
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < 3; i++) {
        System.gc();
        switch ((round + i) % 3) {
          case 0 -> w1.addAll(ThroughputRun.measure(EngineWorkload.W1, batches, WARM_UP));
          case 1 -> measureSql("sql-duckdb", DuckDbWordCountTable::new, batches, WARM_UP, firstBatch, duckDb);
          default -> measureSql("sql-h2", ssc -> new H2WordCountTable(),
              batches.subList(0, H2_WARM_UP + H2_MEASURED), H2_WARM_UP, firstBatch, h2);
        }
      }
    }
    ThroughputStats reduceByKey = ThroughputStats.of(words, w1);
    System.out.printf("%-30s %s%n", "W1 reduceByKey:", reduceByKey);
    report("SQL on DuckDB (dstream-sql):", words, duckDb, reduceByKey);
    report("SQL on H2 (JDBC batches):", words, h2, reduceByKey);
  }

  private static void measureSql(String name, Function<StreamingContext, WordCountTable> engine,
      List<List<String>> batches, int warmUp, Map<String, Long> firstBatch, SqlTimes times)
      throws InterruptedException {
    AtomicReference<WordCountTable> table = new AtomicReference<>();
    AtomicBoolean checked = new AtomicBoolean();
    int[] batch = {0};
    try {
      times.processing().addAll(ThroughputRun.measure(name, words -> {
        table.set(engine.apply(words.context()));
        words.foreachRDD(rdd -> {
          if (batch[0] >= batches.size()) {
            return; // the queue's empty batches after the input, while the run stops
          }
          long start = System.nanoTime();
          table.get().load(rdd);
          long loaded = System.nanoTime();
          Map<String, Long> totals = table.get().countWords();
          long counted = System.nanoTime();
          if (batch[0] == 0) {
            checked.set(totals.equals(firstBatch));
          } else if (batch[0] >= warmUp) {
            times.load().add((loaded - start) / 1e6);
            times.query().add((counted - loaded) / 1e6);
          }
          batch[0]++;
        });
      }, batches, warmUp, StatusPageMode.OFF, ssc -> { }));
    } finally {
      if (table.get() != null) {
        table.get().close();
      }
    }
    if (!checked.get()) {
      throw new IllegalStateException(name + ": the first batch's totals differ from the plain-Java count");
    }
  }

  static Map<String, Long> plainJavaCount(List<String> lines) {
    Map<String, Long> counts = new HashMap<>();
    for (String line : lines) {
      for (String word : line.split(" ")) {
        counts.merge(word, 1L, Long::sum);
      }
    }
    return counts;
  }

  private static void report(String name, long words, SqlTimes times, ThroughputStats w1) {
    ThroughputStats stats = ThroughputStats.of(words, times.processing());
    Spread load = Spread.of(times.load());
    Spread query = Spread.of(times.query());
    System.out.printf(Locale.ROOT, "%-30s %s = %.2f x W1; load %s ms (%.2f M words/s), query %s ms%n", name,
        stats, stats.median() / w1.median(), load, words / load.median() / 1e3, query);
  }
}

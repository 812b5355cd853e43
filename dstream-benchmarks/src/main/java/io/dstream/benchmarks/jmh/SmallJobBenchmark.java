package io.dstream.benchmarks.jmh;

import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.rdd.PairRDD;
import io.dstream.rdd.RDD;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a job costs apart from its records, on 2 worker threads: the job of a small batch (L1's) spends more
 * time handing its tasks to the workers and waiting for them than in the tasks. {@code tinyCount} is a job of
 * one stage over two records; {@code smallBatchReduceByKey} is one batch of L1 (1,000 lines, a map stage and
 * a reduce stage), from ready-made pairs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SmallJobBenchmark {
  private static final int LINES = 1_000;

  private StreamingContext ssc;
  private RDD<String> tiny;
  private PairRDD<String, Integer> pairs;

  /** Creates the context, two records in two partitions, and the pairs (word, 1) of L1's batch. */
  @Setup(Level.Trial)
  public void setUp() {
    ssc = EngineContext.create(2);
    tiny = ssc.parallelize(List.of("a", "b"), 2);
    List<Tuple2<String, Integer>> list = new ArrayList<>(LINES * 10);
    for (String line : EngineContext.lines(LINES)) {
      for (String word : line.split(" ")) {
        list.add(new Tuple2<>(word, 1));
      }
    }
    pairs = ssc.parallelizePairs(list, 2);
  }

  /** Stops the context. */
  @TearDown(Level.Trial)
  public void tearDown() {
    ssc.stop();
  }

  /**
   * Counts two records in two partitions: almost nothing but the job's own cost.
   *
   * @return the count
   */
  @Benchmark
  public long tinyCount() {
    return tiny.count();
  }

  /**
   * Counts the distinct words of L1's batch through a fresh shuffle.
   *
   * @return the number of distinct words
   */
  @Benchmark
  public long smallBatchReduceByKey() {
    return pairs.reduceByKey(Integer::sum).count();
  }
}

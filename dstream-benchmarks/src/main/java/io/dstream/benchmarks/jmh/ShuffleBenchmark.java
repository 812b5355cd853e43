package io.dstream.benchmarks.jmh;

import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.rdd.PairRDD;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost per record of a shuffle with map-side combine ({@code reduceByKey}) over the workload's Zipf
 * words, from ready-made pairs: partitioning, the combine into per-reducer hash maps, and the reduce-side
 * merge.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ShuffleBenchmark {
  private static final int LINES = 10_000;
  private static final int WORDS = LINES * 10;

  /** Worker threads (and map partitions). */
  @Param({"1", "2"})
  public int threads;

  private StreamingContext ssc;
  private PairRDD<String, Integer> pairs;

  /** Creates the context and the pairs (word, 1). */
  @Setup(Level.Trial)
  public void setUp() {
    ssc = EngineContext.create(threads);
    List<Tuple2<String, Integer>> list = new ArrayList<>(WORDS);
    for (String line : EngineContext.lines(LINES)) {
      for (String word : line.split(" ")) {
        list.add(new Tuple2<>(word, 1));
      }
    }
    pairs = ssc.parallelizePairs(list, threads);
  }

  /** Stops the context. */
  @TearDown(Level.Trial)
  public void tearDown() {
    ssc.stop();
  }

  /**
   * Counts the words by key through a fresh shuffle.
   *
   * @return the number of distinct words, so that the work is not optimized away
   */
  @Benchmark
  @OperationsPerInvocation(WORDS)
  public long reduceByKeyPerRecord() {
    return pairs.reduceByKey(Integer::sum).count();
  }
}

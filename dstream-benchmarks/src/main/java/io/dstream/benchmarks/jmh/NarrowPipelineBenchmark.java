package io.dstream.benchmarks.jmh;

import io.dstream.StreamingContext;
import io.dstream.rdd.RDD;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost per record of a pipelined narrow chain ({@code flatMap -> map -> filter -> count}) in one task:
 * what the iterator chaining and user-function calls cost, with no shuffle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NarrowPipelineBenchmark {
  private static final int LINES = 10_000;
  private static final int WORDS = LINES * 10;

  private StreamingContext ssc;
  private RDD<String> lines;

  /** Creates the context and the input. */
  @Setup(Level.Trial)
  public void setUp() {
    ssc = EngineContext.create(1);
    lines = ssc.parallelize(EngineContext.lines(LINES), 1);
  }

  /** Stops the context. */
  @TearDown(Level.Trial)
  public void tearDown() {
    ssc.stop();
  }

  /**
   * Splits, maps and filters every word and counts the survivors.
   *
   * @return the count, so that the work is not optimized away
   */
  @Benchmark
  @OperationsPerInvocation(WORDS)
  public long perWord() {
    return lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator())
        .map(String::length)
        .filter(length -> length > 1)
        .count();
  }
}

package io.dstream.benchmarks.jmh;

import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.Tuple2;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * The cost per distinct key of one slide of W2's window ({@code reduceByKeyAndWindow} with an inverse, 10
 * batches, slide 1), beside a plain {@code reduceByKey} of the same batch: every batch is the workload's
 * first batch already counted by word (about 10,000 distinct words), so that the batch's own reduce is
 * small and the window's update (one batch in, one out, over every key) shows. One invocation is one batch of
 * a {@code local[2]} test context on its manual clock; the difference between the two modes is what the window
 * adds to a batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WindowSlideBenchmark {
  /** Distinct words of the workload's first batch of 100,000 lines (every word of V = 10,000): what a slide touches. */
  private static final int KEYS = 10_000;

  /** {@code reduceByKey} alone, or followed by the window. */
  @Param({"reduceByKey", "reduceByKeyAndWindow"})
  public String pipeline;

  private TestStreamingContext t;

  /** Starts the context and runs a full window of batches, so that every measured slide adds and removes. */
  @Setup(Level.Trial)
  public void setUp() {
    t = TestStreamingContext.create(Durations.seconds(1), new StreamingConf().setMaster("local[2]"));
    RDD<Tuple2<String, Integer>> batch = t.context().parallelize(countedWords(), 2);
    PairDStream<String, Integer> pairs =
        PairDStream.fromDStream(t.context().queueStream(new ArrayDeque<>(), true, batch));
    PairDStream<String, Integer> reduced = pipeline.equals("reduceByKey") ? pairs.reduceByKey(Integer::sum)
        : pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Durations.seconds(10), Durations.seconds(1));
    reduced.foreachRDD(rdd -> {
      long counted = rdd.count();
      if (counted != KEYS) {
        throw new IllegalStateException("expected " + KEYS + " keys, counted " + counted);
      }
    });
    t.runBatches(12);
  }

  /** Stops the context. */
  @TearDown(Level.Trial)
  public void tearDown() {
    t.close();
  }

  /** Runs one batch: the batch's reduce, and for the window one slide. */
  @Benchmark
  @OperationsPerInvocation(KEYS)
  public void batchPerDistinctKey() {
    t.runBatches(1);
  }

  /** The workload's first batch counted by word: one pair per distinct word. */
  private static List<Tuple2<String, Integer>> countedWords() {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : EngineContext.lines(100_000)) {
      for (String word : line.split(" ")) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    List<Tuple2<String, Integer>> pairs = new ArrayList<>(counts.size());
    counts.forEach((word, count) -> pairs.add(new Tuple2<>(word, count)));
    return pairs;
  }
}

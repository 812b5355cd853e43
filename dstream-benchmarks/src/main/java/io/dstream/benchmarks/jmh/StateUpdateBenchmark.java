package io.dstream.benchmarks.jmh;

import io.dstream.DStreamLike;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StateSpec;
import io.dstream.Tuple2;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * The cost of the state update per key touched in a batch: a state of {@value #STATE_KEYS} running counts,
 * of which each batch touches {@value #FEW} or {@value #MANY} (one record each, random keys of the state),
 * kept with {@code mapWithState} or with {@code updateStateByKey}. The score is a whole batch's time on the
 * test kit's manual clock (the same engine path as a real context: the shuffle of the batch's records, the
 * state step, the state snapshot every checkpoint interval, the metadata checkpoint) divided by the touched
 * keys; the checkpoints go to an in-memory filesystem, so they cost their serialization but no disk.
 *
 * <p>{@code mapWithState} should cost in proportion to the touched keys, plus a fixed cost per batch, which
 * the two batch sizes separate; {@code updateStateByKey} calls its function for every key of the state in
 * every batch, so its cost per touched key is about the state's size over the touched keys.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StateUpdateBenchmark {
  private static final int STATE_KEYS = 100_000;
  private static final int FEW = 100;
  private static final int MANY = 10_000;
  /** How many different batches of touched keys are prepared and taken in turn. */
  private static final int PREPARED_BATCHES = 16;

  /** The state operation. */
  @Param({"mapWithState", "updateStateByKey"})
  public String operation;

  private TestStreamingContext test;
  private final Queue<RDD<Tuple2<Integer, Long>>> queue = new ConcurrentLinkedQueue<>();
  private final List<RDD<Tuple2<Integer, Long>>> fewKeyBatches = new ArrayList<>();
  private final List<RDD<Tuple2<Integer, Long>>> manyKeyBatches = new ArrayList<>();
  private long outputRecords;
  private int next;

  /** Defines the stateful pipeline and runs a first batch that puts every key into the state. */
  @Setup(Level.Trial)
  public void setUp() {
    test = TestStreamingContext.create(Durations.seconds(1));
    test.context().checkpoint("memory://jmh-state-" + System.nanoTime() + "/checkpoints");
    PairDStream<Integer, Long> ones = test.context().queueStream(queue).mapToPair(pair -> pair);
    runningCounts(ones).foreachRDD(rdd -> outputRecords = rdd.count());

    List<Tuple2<Integer, Long>> everyKey = new ArrayList<>(STATE_KEYS);
    for (int key = 0; key < STATE_KEYS; key++) {
      everyKey.add(new Tuple2<>(key, 1L));
    }
    queue.add(test.context().parallelizePairs(everyKey));
    test.runBatches(1);

    Random random = new Random(42);
    for (int b = 0; b < PREPARED_BATCHES; b++) {
      fewKeyBatches.add(touching(FEW, random));
      manyKeyBatches.add(touching(MANY, random));
    }
  }

  /** Stops the context. */
  @TearDown(Level.Trial)
  public void tearDown() {
    test.close();
  }

  /**
   * Runs one batch that touches {@value #FEW} keys of the state.
   *
   * @return the records of the batch's output, so that the work is not optimized away
   */
  @Benchmark
  @OperationsPerInvocation(FEW)
  public long batchTouchingFewKeys() {
    return runBatch(fewKeyBatches);
  }

  /**
   * Runs one batch that touches {@value #MANY} keys of the state.
   *
   * @return the records of the batch's output, so that the work is not optimized away
   */
  @Benchmark
  @OperationsPerInvocation(MANY)
  public long batchTouchingManyKeys() {
    return runBatch(manyKeyBatches);
  }

  private long runBatch(List<RDD<Tuple2<Integer, Long>>> prepared) {
    queue.add(prepared.get(next++ % PREPARED_BATCHES));
    test.runBatches(1);
    return outputRecords;
  }

  private RDD<Tuple2<Integer, Long>> touching(int keys, Random random) {
    List<Tuple2<Integer, Long>> touched = new ArrayList<>(keys);
    for (int i = 0; i < keys; i++) {
      touched.add(new Tuple2<>(random.nextInt(STATE_KEYS), 1L));
    }
    return test.context().parallelizePairs(touched);
  }

  /** Each key's running count: the mapped counts of the touched keys, or every key's count. */
  private DStreamLike<?, ?, ?> runningCounts(PairDStream<Integer, Long> ones) {
    if (operation.equals("mapWithState")) {
      return ones.mapWithState(StateSpec.function((Integer key, Optional<Long> one,
          io.dstream.State<Long> count) -> {
        long sum = count.getOption().orElse(0L) + one.orElse(0L);
        count.update(sum);
        return sum;
      }));
    }
    return ones.updateStateByKey((List<Long> added, Optional<Long> count) -> {
      long sum = count.orElse(0L);
      for (long one : added) {
        sum += one;
      }
      return Optional.of(sum);
    });
  }
}

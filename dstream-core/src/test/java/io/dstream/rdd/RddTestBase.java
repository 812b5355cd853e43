package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.rdd.RunObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;

/**
 * The common ground of the RDD tests: a context with two worker threads created on first use (or with a
 * test's own configuration), stopped after each test, and the engine counters the stage tests read.
 */
abstract class RddTestBase {
  /** Small pair data with duplicate keys: a = 1, 3, 6; b = 2, 5; c = 4. */
  static final List<Tuple2<String, Integer>> LETTER_PAIRS = List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2),
      new Tuple2<>("a", 3), new Tuple2<>("c", 4), new Tuple2<>("b", 5), new Tuple2<>("a", 6));

  private StreamingContext ssc;

  /** Returns the test's context, creating a {@code local[2]} one on first use. */
  StreamingContext ssc() {
    if (ssc == null) {
      ssc = newContext(new StreamingConf().setMaster("local[2]"));
    }
    return ssc;
  }

  /**
   * Creates the test's context from a configuration (for tests that need other settings).
   *
   * @throws IllegalStateException if the test already has a context
   */
  StreamingContext useContext(StreamingConf conf) {
    if (ssc != null) {
      throw new IllegalStateException("the test already created its context; call useContext first");
    }
    ssc = newContext(conf);
    return ssc;
  }

  @AfterEach
  void stopContext() {
    if (ssc != null) {
      ssc.stop();
    }
  }

  /** Returns the integers {@code [0, n)}. */
  static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toCollection(ArrayList::new));
  }

  /** Returns the engine that runs an RDD's jobs. */
  static Engine engine(RDD<?> rdd) {
    return RddAccess.node(rdd).engine();
  }

  /** Runs an action and returns how many stages it ran. */
  static long stagesRunBy(RDD<?> rdd, Runnable action) {
    return countRuns(rdd, action).stages.sum();
  }

  /** Runs an action and returns how many task attempts it ran. */
  static long tasksRunBy(RDD<?> rdd, Runnable action) {
    return countRuns(rdd, action).tasks.sum();
  }

  private static RunCounter countRuns(RDD<?> rdd, Runnable action) {
    RunCounter counter = new RunCounter();
    engine(rdd).observeRuns(counter);
    try {
      action.run();
    } finally {
      engine(rdd).observeRuns(RunObserver.NONE);
    }
    return counter;
  }

  /** Counts the stages and task attempts an engine starts. */
  private static final class RunCounter implements RunObserver {
    final LongAdder stages = new LongAdder();
    final LongAdder tasks = new LongAdder();

    @Override
    public void stageStarted() {
      stages.increment();
    }

    @Override
    public void taskStarted() {
      tasks.increment();
    }
  }

  /** Returns the records of each partition, in partition order. */
  static <T> List<List<T>> partitions(RDD<T> rdd) {
    return rdd.glom().collect();
  }

  /** Asserts that every record of a pair RDD sits in the partition its partitioner gives its key. */
  static void assertPlacedBy(PairRDD<?, ?> rdd, Partitioner partitioner) {
    assertThat(rdd.partitioner()).as("partitioner of %s", rdd).contains(partitioner);
    List<? extends List<? extends Tuple2<?, ?>>> parts = partitions(rdd);
    assertThat(parts).as("partitions of %s", rdd).hasSize(partitioner.numPartitions());
    for (int p = 0; p < parts.size(); p++) {
      for (Tuple2<?, ?> kv : parts.get(p)) {
        assertThat(partitioner.getPartition(kv._1())).as("partition of %s in %s", kv, rdd).isEqualTo(p);
      }
    }
  }

  private static StreamingContext newContext(StreamingConf conf) {
    return new StreamingContext(conf, Durations.seconds(1));
  }
}

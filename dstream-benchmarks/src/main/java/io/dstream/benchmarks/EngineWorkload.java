package io.dstream.benchmarks;

import io.dstream.Duration;
import io.dstream.PairDStream;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;

/**
 * The engine pipelines of {@code shared/bench/WORKLOAD.md}, each defined on the W1 pairs
 * {@code lines -> flatMap(split " ") -> mapToPair(w, 1)} and ending in {@code foreachRDD(count)}.
 */
enum EngineWorkload {
  /** {@code reduceByKey(+)}. */
  W1 {
    @Override
    void define(PairDStream<String, Integer> pairs, Duration batch) {
      pairs.reduceByKey(Integer::sum).foreachRDD(rdd -> rdd.count());
    }
  },
  /** {@code reduceByKeyAndWindow(+, -, window = 10 batches, slide = 1 batch)}: the incremental window. */
  W2 {
    @Override
    void define(PairDStream<String, Integer> pairs, Duration batch) {
      pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, batch.times(10), batch)
          .foreachRDD(rdd -> rdd.count());
    }
  },
  /**
   * {@code updateStateByKey(running sum)}. Its snapshots go to a checkpoint directory in memory, so that the
   * run writes no files.
   */
  W3 {
    @Override
    void define(PairDStream<String, Integer> pairs, Duration batch) {
      pairs.context().checkpoint(InMemoryFileSystem.newNamespace().toUri("/checkpoints").toString());
      StateWorkload.runningSums(pairs).foreachRDD(rdd -> rdd.count());
    }
  };

  /**
   * Defines the workload's output on the pairs stream.
   *
   * @param pairs the W1 pairs
   * @param batch the batch interval
   */
  abstract void define(PairDStream<String, Integer> pairs, Duration batch);
}

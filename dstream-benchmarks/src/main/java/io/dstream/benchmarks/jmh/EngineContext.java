package io.dstream.benchmarks.jmh;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.benchmarks.ZipfWordStream;
import java.util.List;

/** What the JMH benchmarks share: a context that runs RDD jobs, and the workload words. */
final class EngineContext {
  private EngineContext() {}

  /**
   * Creates an unstarted context whose engine runs RDD jobs (no batches needed).
   *
   * @param workerThreads the worker thread count
   * @return the context; stop it after the trial
   */
  static StreamingContext create(int workerThreads) {
    return new StreamingContext(new StreamingConf().setMaster("local[" + workerThreads + "]").setAppName("jmh"),
        Durations.seconds(1));
  }

  /**
   * Returns the lines of the workload's first batch.
   *
   * @param lines how many lines
   * @return the lines of {@link ZipfWordStream} with V = 10,000
   */
  static List<String> lines(int lines) {
    return new ZipfWordStream(10_000).nextBatch(lines);
  }
}

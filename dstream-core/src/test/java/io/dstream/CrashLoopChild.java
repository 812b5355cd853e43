package io.dstream;

import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * The child side of {@link CrashLoop}: what every program it runs and kills shares. It parses the arguments
 * (the input directory, the checkpoint directory, the output prefix, the batch interval in ms) and reports
 * progress through {@link ChildJvm#report}: {@code started} once
 * the context runs, then {@code submitted T}, {@code output T} (while the batch's output operations run) and
 * {@code completed T}. When a batch of the watched counts holds the word {@value #END_WORD}, it stops the
 * context gracefully and exits with status 0.
 */
final class CrashLoopChild {
  static final String END_WORD = "__END__";

  final String input;
  final String checkpoints;
  final String outputPrefix;
  final Duration batch;
  private final PrintStream events = System.out;
  private final CountDownLatch endSeen = new CountDownLatch(1);

  CrashLoopChild(String[] args) {
    input = args[0];
    checkpoints = args[1];
    outputPrefix = args[2];
    batch = Durations.milliseconds(Long.parseLong(args[3]));
  }

  /** A new local context for the factory of {@code getOrCreate}. */
  StreamingContext newContext() {
    return new StreamingContext(new StreamingConf().setMaster("local[2]").setAppName("crash-test"), batch);
  }

  /** Reports {@code output T} for each batch of the counts, before the output operations registered after it. */
  void reportOutputs(PairDStream<String, Integer> counts) {
    counts.foreachRDD((rdd, time) -> report("output " + time.milliseconds()));
  }

  /** Ends the run once a batch of the counts holds {@value #END_WORD}. */
  void stopOnEndWord(PairDStream<String, Integer> counts) {
    counts.foreachRDD(rdd -> {
      if (!rdd.filter(count -> count._1().equals(END_WORD)).isEmpty()) {
        endSeen.countDown();
      }
    });
  }

  /** Starts the context, reports the batches until the end word is seen, stops gracefully and exits with 0. */
  void runToTheEnd(StreamingContext ssc) throws InterruptedException {
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchSubmitted(StreamingListenerBatchSubmitted submitted) {
        report("submitted " + submitted.batchInfo().batchTime().milliseconds());
      }

      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
        report("completed " + completed.batchInfo().batchTime().milliseconds());
      }
    });
    ssc.start();
    report("started");
    endSeen.await();
    ssc.stop(true);
    report("stopped");
    System.exit(0);
  }

  private void report(String event) {
    ChildJvm.report(events, event);
  }
}

package io.dstream;

import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The child side of {@link CrashLoop}: what every program it runs and kills shares. It parses the arguments
 * (the input directory, the checkpoint directory, the output directory, the batch interval in ms; a program
 * may take more after them) and reports progress through {@link ChildJvm#report}: {@code started} once the
 * context runs, then {@code submitted T}, {@code output T} (while the batch's output operations run) and
 * {@code completed T}. When a batch of the watched counts holds the word {@value #END_WORD} (or the program
 * calls {@link #end()}), it stops the context gracefully and exits with status 0.
 *
 * <p>Public for the children of other modules' crash tests, which use it from dstream-core's test-jar.
 */
public final class CrashLoopChild {
  /** The word, or record, that marks the end of the input. */
  public static final String END_WORD = "__END__";

  final String input;
  /** The checkpoint directory, for {@code getOrCreate}. */
  public final String checkpoints;
  /** The batch interval. */
  public final Duration batch;
  private final Path outputs;
  private final PrintStream events = System.out;
  private final CountDownLatch endSeen = new CountDownLatch(1);

  /**
   * Parses the arguments {@link CrashLoop} gives the program, and halts this JVM when the test ends.
   *
   * @param args the program's arguments
   */
  public CrashLoopChild(String[] args) {
    input = args[0];
    checkpoints = args[1];
    outputs = Path.of(args[2]);
    batch = Durations.milliseconds(Long.parseLong(args[3]));
    haltWhenTheTestEnds();
  }

  /**
   * Halts this JVM once its standard input, a pipe from the test, ends: a test that died (killed itself, or
   * timed out) must not leave its child running, which would wait for its end marker for ever.
   */
  private static void haltWhenTheTestEnds() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // The test writes nothing; only the end of the stream matters.
        }
      } catch (IOException e) {
        // A broken pipe is an end too.
      }
      Runtime.getRuntime().halt(1);
    }, "test-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * The configuration of the contexts of the factory of {@code getOrCreate}; a program may add to it.
   *
   * @return a new configuration: two worker threads, the application name {@code crash-test}
   */
  public StreamingConf conf() {
    return new StreamingConf().setMaster("local[2]").setAppName("crash-test");
  }

  /**
   * A new local context for the factory of {@code getOrCreate}.
   *
   * @return a context of {@link #conf()} and the batch interval
   */
  public StreamingContext newContext() {
    return new StreamingContext(conf(), batch);
  }

  /** The prefix of the output {@code name}: its batches go to {@code <output directory>/<name>-<time>}. */
  String outputPrefix(String name) {
    return outputs.resolve(name).toString();
  }

  /**
   * Reports {@code output T} for each batch of a stream, before the output operations registered after it.
   *
   * @param stream the stream
   */
  public void reportOutputs(DStreamLike<?, ?, ?> stream) {
    reportBatches(stream, "output");
  }

  /**
   * Reports {@code <event> T} for each batch of a stream, after the output operations registered before this
   * call and before those registered after it.
   *
   * @param stream the stream
   * @param event the event's name, such as {@code written}
   */
  public void reportBatches(DStreamLike<?, ?, ?> stream, String event) {
    stream.foreachRDD((rdd, time) -> report(event + " " + time.milliseconds()));
  }

  /** Ends the run once a batch of the counts holds {@value #END_WORD}. */
  void stopOnEndWord(PairDStream<String, Integer> counts) {
    counts.foreachRDD(rdd -> {
      if (!rdd.filter(count -> count._1().equals(END_WORD)).isEmpty()) {
        end();
      }
    });
  }

  /** Lets {@link #runToTheEnd} stop the context: called from an output operation once the run has seen all. */
  public void end() {
    endSeen.countDown();
  }

  /**
   * Starts the context, reports the batches until the end is seen, stops gracefully and exits with 0.
   *
   * @param ssc the context {@code getOrCreate} returned
   * @throws InterruptedException if interrupted while waiting for the end
   */
  public void runToTheEnd(StreamingContext ssc) throws InterruptedException {
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

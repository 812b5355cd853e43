package io.dstream;

import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The program that {@link FileStreamCrashRecoveryIT} runs in a child JVM and kills: word counts of the files
 * that appear in a directory, saved with {@code saveAsTextFiles}, recoverable with {@code getOrCreate}.
 *
 * <p>It reports its progress through {@link ChildJvm#report}: {@code started} once the context runs, then
 * {@code submitted T}, {@code output T} (while the batch's output operations run) and {@code completed T}. The test kills it after a random number of events. When a
 * batch holds the word {@value #END_WORD}, it stops gracefully and exits with status 0.
 *
 * <p>Arguments: the input directory, the checkpoint directory, the output prefix, the batch interval in ms.
 */
final class RecoverableWordCountChild {
  static final String END_WORD = "__END__";

  private RecoverableWordCountChild() {}

  public static void main(String[] args) throws Exception {
    String input = args[0];
    String checkpoints = args[1];
    String outputPrefix = args[2];
    Duration batch = Durations.milliseconds(Long.parseLong(args[3]));
    PrintStream events = System.out;
    CountDownLatch endSeen = new CountDownLatch(1);

    StreamingContext ssc = StreamingContext.getOrCreate(checkpoints, () -> {
      StreamingContext created = new StreamingContext(
          new StreamingConf().setMaster("local[2]").setAppName("crash-test"), batch);
      PairDStream<String, Integer> counts = created.fileStream(input, file -> file.endsWith(".txt"), false)
          .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
          .mapToPair(word -> new Tuple2<>(word, 1))
          .reduceByKey(Integer::sum);
      counts.foreachRDD((rdd, time) -> ChildJvm.report(events, "output " + time.milliseconds()));
      counts.saveAsTextFiles(outputPrefix);
      counts.foreachRDD(rdd -> {
        if (!rdd.filter(count -> count._1().equals(END_WORD)).isEmpty()) {
          endSeen.countDown();
        }
      });
      return created;
    });
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchSubmitted(StreamingListenerBatchSubmitted submitted) {
        ChildJvm.report(events, "submitted " + submitted.batchInfo().batchTime().milliseconds());
      }

      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
        ChildJvm.report(events, "completed " + completed.batchInfo().batchTime().milliseconds());
      }
    });
    ssc.start();
    ChildJvm.report(events, "started");
    endSeen.await();
    ssc.stop(true);
    ChildJvm.report(events, "stopped");
    System.exit(0);
  }
}

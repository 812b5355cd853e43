package io.dstream;

import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * The program that {@link ReceiverWriteAheadLogCrashIT} runs in a child JVM and kills: an
 * {@link AcknowledgingReceiver} stream with the write-ahead log on, saved with {@code saveAsTextFiles},
 * recoverable with {@code getOrCreate}.
 *
 * <p>It reports its progress through {@link ChildJvm#report}: {@code started} once the context runs, then
 * {@code submitted T}, {@code output T} and {@code completed T} for each batch. When a batch holds the record
 * {@value #END_RECORD}, it stops gracefully and exits with status 0.
 *
 * <p>Arguments: the record server's port, the checkpoint directory, the output prefix, the batch interval in
 * ms.
 */
final class ReliableReceiverChild {
  static final String END_RECORD = "__END__";

  private ReliableReceiverChild() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String checkpoints = args[1];
    String outputPrefix = args[2];
    Duration batch = Durations.milliseconds(Long.parseLong(args[3]));
    PrintStream events = System.out;
    CountDownLatch endSeen = new CountDownLatch(1);

    StreamingContext ssc = StreamingContext.getOrCreate(checkpoints, () -> {
      StreamingConf conf = new StreamingConf().setMaster("local[2]").setAppName("receiver-crash-test")
          .set("dstream.receiver.writeAheadLog.enable", "true")
          .set("dstream.receiver.restartDelay", "100ms");
      StreamingContext created = new StreamingContext(conf, batch);
      ReceiverInputDStream<String> records =
          created.receiverStream(new AcknowledgingReceiver("127.0.0.1", port));
      records.foreachRDD((rdd, time) -> ChildJvm.report(events, "output " + time.milliseconds()));
      records.saveAsTextFiles(outputPrefix);
      records.foreachRDD(rdd -> {
        if (!rdd.filter(END_RECORD::equals).isEmpty()) {
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

package io.dstream;

/**
 * The program that {@link ReceiverWriteAheadLogCrashIT} runs in a child JVM and kills (see
 * {@link CrashLoopChild} for its first arguments and its progress reports; the fifth is the port of the
 * {@link ResendingRecordServer}): an {@link AcknowledgingReceiver} stream with the write-ahead log on, saved with
 * {@code saveAsTextFiles} to {@value #RECORDS}, recoverable with {@code getOrCreate}. When a batch holds the
 * record {@value CrashLoopChild#END_WORD}, it stops gracefully and exits with status 0.
 */
final class ReliableReceiverChild {
  /** The output name of the received records: their batches go to {@code out/records-<time>}. */
  static final String RECORDS = "records";

  private ReliableReceiverChild() {}

  public static void main(String[] args) throws Exception {
    CrashLoopChild child = new CrashLoopChild(args);
    int port = Integer.parseInt(args[4]);
    StreamingContext ssc = StreamingContext.getOrCreate(child.checkpoints, () -> {
      StreamingContext created = new StreamingContext(child.conf()
          .set("dstream.receiver.writeAheadLog.enable", "true")
          .set("dstream.receiver.restartDelay", "100ms"), child.batch);
      ReceiverInputDStream<String> records =
          created.receiverStream(new AcknowledgingReceiver("127.0.0.1", port));
      child.reportOutputs(records);
      records.saveAsTextFiles(child.outputPrefix(RECORDS));
      records.foreachRDD(rdd -> {
        if (!rdd.filter(CrashLoopChild.END_WORD::equals).isEmpty()) {
          child.end();
        }
      });
      return created;
    });
    child.runToTheEnd(ssc);
  }
}

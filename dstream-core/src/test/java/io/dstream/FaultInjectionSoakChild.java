package io.dstream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * The program that {@link FaultInjectionSoak} runs in a child JVM and kills (see {@link CrashLoopChild} for
 * its first arguments and its progress reports; the fifth is the port of the {@link ResendingRecordServer}).
 * From the records of {@link SoakFeed} it saves, with {@code saveAsTextFiles}, one directory per batch of each
 * of:
 *
 * <ul>
 *   <li>{@value #LINES}: the file stream's records, as read (the stateless branch);
 *   <li>{@value #WINDOW}: the count of records per key over the last {@value #WINDOW_BATCHES} batches,
 *       incrementally ({@code reduceByKeyAndWindow} with an inverse function; its state checkpointed);
 *   <li>{@value #TOTALS}: the running count of records per key ({@code updateStateByKey}, snapshotted every
 *       3 batches);
 *   <li>{@value #RECEIVED}: the records of a reliable receiver ({@link AcknowledgingReceiver}) with the
 *       write-ahead log on.
 * </ul>
 *
 * <p>It ends once the batch {@value #WINDOW_BATCHES} - 1 batches after the file end marker's has run, so that
 * every record has been in all the {@value #WINDOW_BATCHES} windows that hold it, and the receiver's end
 * marker has been seen.
 */
final class FaultInjectionSoakChild {
  static final String LINES = "lines";
  static final String WINDOW = "window";
  static final String TOTALS = "totals";
  static final String RECEIVED = "received";
  static final int WINDOW_BATCHES = 3;

  private FaultInjectionSoakChild() {}

  public static void main(String[] args) throws Exception {
    // The engine's INFO lines (what recovery restored, which batches it runs again) explain a failed soak.
    ((Logger) LoggerFactory.getLogger("io.dstream")).setLevel(Level.INFO);
    CrashLoopChild child = new CrashLoopChild(args);
    int port = Integer.parseInt(args[4]);
    AtomicLong fileEndBatch = new AtomicLong(-1);
    AtomicBoolean receiverEndSeen = new AtomicBoolean();
    StreamingContext ssc = StreamingContext.getOrCreate(child.checkpoints, () -> {
      StreamingContext created = new StreamingContext(child.conf()
          .set("dstream.receiver.writeAheadLog.enable", "true")
          .set("dstream.receiver.restartDelay", "100ms"), child.batch);
      DStream<String> lines = created.fileStream(child.input, file -> file.endsWith(".txt"), false).name("lines");
      child.reportOutputs(lines);
      lines.saveAsTextFiles(child.outputPrefix(LINES));
      PairDStream<String, Integer> keys = lines.mapToPair(line -> new Tuple2<>(SoakFeed.keyOf(line), 1));
      keys.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, child.batch.times(WINDOW_BATCHES), child.batch)
          .name("window").saveAsTextFiles(child.outputPrefix(WINDOW));
      keys.updateStateByKey((List<Integer> ones, Optional<Integer> total) ->
              Optional.of(total.orElse(0) + ones.size()))
          .checkpoint(child.batch.times(3)).name("totals").saveAsTextFiles(child.outputPrefix(TOTALS));
      ReceiverInputDStream<String> received =
          created.receiverStream(new AcknowledgingReceiver("127.0.0.1", port)).name("received");
      received.saveAsTextFiles(child.outputPrefix(RECEIVED));

      lines.foreachRDD((rdd, time) -> {
        if (!rdd.filter(CrashLoopChild.END_WORD::equals).isEmpty()) {
          fileEndBatch.compareAndSet(-1, time.milliseconds());
        }
      });
      received.foreachRDD(rdd -> {
        if (!rdd.filter(CrashLoopChild.END_WORD::equals).isEmpty()) {
          receiverEndSeen.set(true);
        }
      });
      lines.foreachRDD((rdd, time) -> {
        long end = fileEndBatch.get();
        long lastWindowWithEnd = end + child.batch.times(WINDOW_BATCHES - 1).milliseconds();
        if (end >= 0 && time.milliseconds() >= lastWindowWithEnd && receiverEndSeen.get()) {
          child.end();
        }
      });
      return created;
    });
    child.runToTheEnd(ssc);
  }
}

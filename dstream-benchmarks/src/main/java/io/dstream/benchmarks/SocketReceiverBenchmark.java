package io.dstream.benchmarks;

import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Time;
import io.dstream.receiver.Receiver;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.ReceiverInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerReceiverError;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Measures receiving: a {@link LineFloodServer} on loopback writes 16-byte lines as fast as the connection
 * takes them into one {@code socketTextStream} of a {@code local[2]} context with 1 s batches, followed by
 * {@code count()}. After 3 warm-up batches it measures a number of batches (10 by default) and prints, for
 * the receiver streams' default storage level ({@code MEMORY_AND_DISK_SER_2}) and then for
 * {@code MEMORY_ONLY} (its receiver limited to 5 M records/s, with 0.6 of the heap for blocks, since a
 * memory-only receiver waits for memory once its blocks fill it): the records received per second (the
 * batches' record counts over their intervals),
 * the rate at which the pipeline processed them (records over processing time), and the largest
 * scheduling delay, which stays near 0 while the pipeline keeps up with the receiver.
 *
 * <p>Run it from the repository root with
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@receiving -pl dstream-benchmarks -am
 * }</pre>
 *
 * <p>which starts it in a JVM of its own with {@code -Xmx4g -Xms4g} (the {@code receiving} execution in this
 * module's pom). Add {@code -Dreceiving.args=N} to measure N batches.
 */
public final class SocketReceiverBenchmark {
  private static final Duration BATCH = Durations.seconds(1);
  private static final int WARM_UP = 3;
  private static final int DEFAULT_MEASURED = 10;
  private static final long MEMORY_ONLY_MAX_RATE = 5_000_000;
  private static final String MEMORY_ONLY_FRACTION = "0.6";

  private SocketReceiverBenchmark() {}

  /**
   * Runs the measurement for each storage level and prints one line per level.
   *
   * @param args optionally the number of measured batches
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    int measured = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_MEASURED;
    if (measured < 1) {
      throw new IllegalArgumentException("the number of measured batches must be positive, got " + measured);
    }
    System.out.printf("machine: %d cores, Java %s; %d measured batches of %d ms after %d warm-up batches%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), measured,
        BATCH.milliseconds(), WARM_UP);
    for (StorageLevel level : List.of(Receiver.DEFAULT_STORAGE_LEVEL, StorageLevel.MEMORY_ONLY)) {
      System.gc();
      System.out.printf(Locale.ROOT, "%-45s %s%s%n", "socketTextStream -> count(), " + level + ":",
          measure(level, measured), level.useDisk() ? "" : " (receiver limited to "
              + MEMORY_ONLY_MAX_RATE / 1_000_000 + " M records/s)");
    }
  }

  /** One run at one storage level; returns its report line. */
  private static String measure(StorageLevel level, int measured) throws Exception {
    List<BatchInfo> batches = new ArrayList<>();
    Map<Time, Long> counted = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(WARM_UP + measured);
    try (LineFloodServer server = new LineFloodServer()) {
      StreamingConf conf = new StreamingConf().setMaster("local[2]").setAppName("socket-receiver-benchmark");
      if (!level.useDisk()) {
        // A memory-only block is never evicted before its batch has run, and deserialized lines take several
        // times their bytes: unlimited, the flood (over 10 M records/s) would fill any share of the heap within
        // a batch, and the receiver would wait for memory, measuring the memory rather than the receiving.
        conf.set("dstream.receiver.maxRate", Long.toString(MEMORY_ONLY_MAX_RATE))
            .set("dstream.storage.memoryFraction", MEMORY_ONLY_FRACTION);
      }
      StreamingContext ssc = new StreamingContext(conf, BATCH);
      try {
        ssc.socketTextStream("127.0.0.1", server.port(), level).count()
            .foreachRDD((rdd, time) -> counted.put(time, rdd.collect().stream().mapToLong(Long::longValue).sum()));
        ssc.addStreamingListener(new StreamingListener() {
          @Override
          public void onBatchCompleted(StreamingListenerBatchCompleted event) {
            synchronized (batches) {
              batches.add(event.batchInfo());
            }
            done.countDown();
          }

          @Override
          public void onReceiverError(StreamingListenerReceiverError event) {
            ReceiverInfo info = event.receiverInfo();
            System.err.println("receiver error at " + level + ": " + info.lastErrorMessage().orElse("")
                + info.lastError().map(error -> " (" + error + ")").orElse(""));
          }
        });
        ssc.start();
        if (!done.await(10, TimeUnit.MINUTES)) {
          throw new IllegalStateException("the batches did not complete within 10 minutes at " + level);
        }
      } finally {
        ssc.stop();
      }
      synchronized (batches) {
        return report(batches.subList(WARM_UP, WARM_UP + measured), counted);
      }
    }
  }

  /** Summarizes the measured batches, after checking that count() saw what each of them received. */
  private static String report(List<BatchInfo> window, Map<Time, Long> counted) {
    for (BatchInfo batch : window) {
      if (batch.hasFailure()) {
        throw new IllegalStateException("the output job of batch " + batch.batchTime() + " ("
            + batch.numRecords() + " records) failed: " + batch.outputOperationInfos().values().stream()
                .flatMap(info -> info.failureReason().stream()).collect(Collectors.joining("; ")));
      }
      long count = counted.getOrDefault(batch.batchTime(), -1L);
      if (count != batch.numRecords()) {
        throw new IllegalStateException("count() of batch " + batch.batchTime() + " saw " + count
            + " records, but the batch received " + batch.numRecords());
      }
    }
    long records = window.stream().mapToLong(BatchInfo::numRecords).sum();
    long processingMillis = window.stream().mapToLong(batch -> batch.processingDelay().orElseThrow()).sum();
    long maxSchedulingDelay = window.stream().mapToLong(batch -> batch.schedulingDelay().orElseThrow()).max()
        .orElseThrow();
    double seconds = window.size() * BATCH.milliseconds() / 1000.0;
    return String.format(Locale.ROOT, "received %.2f M records/s; processed at %.2f M records/s of processing "
        + "time; max scheduling delay %d ms", records / seconds / 1e6,
        records / (Math.max(processingMillis, 1) / 1000.0) / 1e6, maxSchedulingDelay);
  }
}

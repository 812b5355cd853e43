package org.apache.spark.streaming;

import io.dstream.DStream;
import io.dstream.DStreamLike;
import io.dstream.StreamingContext;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.Assert;

/**
 * Spark's {@code JavaTestUtils} (a Scala object of Spark's streaming tests) on dstream's test kit: an input
 * stream of given batches, an output stream that collects each batch by partition, and {@code runStreams},
 * which runs a number of batches on the manual clock and returns what the output stream collected. Like
 * Spark's, {@code runStreams} stops the context.
 *
 * <p>It works on the {@code ssc} of a {@link LocalJavaStreamingContext}, which registers the
 * {@link TestStreamingContext} behind it here.
 */
public final class JavaTestUtils {
  private static final Map<StreamingContext, SuiteRun> RUNS = new IdentityHashMap<>();

  private JavaTestUtils() {}

  /**
   * Returns an input stream whose batch {@code i} (from 1) holds {@code data.get(i - 1)} in
   * {@code numPartitions} partitions, and later batches are empty, as Spark's {@code TestInputStream}.
   *
   * @param ssc the test's context
   * @param data the records of each batch
   * @param numPartitions the partitions of each batch's RDD
   * @param <T> the record type
   * @return the stream
   */
  public static <T> DStream<T> attachTestInputStream(StreamingContext ssc, List<List<T>> data, int numPartitions) {
    Queue<RDD<T>> batches = new ArrayDeque<>();
    for (List<T> batch : data) {
      batches.add(ssc.parallelize(batch, numPartitions));
    }
    return ssc.queueStream(batches, true);
  }

  /**
   * Collects every batch of a stream, partition by partition: an output operation. {@link #runStreams}
   * returns what the first stream attached to the context collected.
   *
   * @param stream the stream, of records or of pairs
   * @param <T> the record type
   */
  public static <T> void attachTestOutputStream(DStreamLike<T, ?, ?> stream) {
    PartitionedOutput<T> output = new PartitionedOutput<>();
    stream.foreachRDD(rdd -> output.add(rdd.glom().collect()));
    runOf(stream.context()).attach(output);
  }

  /**
   * Runs {@code numBatches} batches, stops the context and returns each batch's records, in partition order.
   *
   * @param ssc the test's context
   * @param numBatches how many batches to run
   * @param numExpectedOutput how many batches the output stream must have collected
   * @param <V> the record type of the output stream
   * @return one list per batch
   * @throws AssertionError if the output stream collected another number of batches
   */
  public static <V> List<List<V>> runStreams(StreamingContext ssc, int numBatches, int numExpectedOutput) {
    List<List<List<V>>> batches = runStreamsWithPartitions(ssc, numBatches, numExpectedOutput);
    List<List<V>> flattened = new ArrayList<>();
    for (List<List<V>> partitions : batches) {
      List<V> records = new ArrayList<>();
      partitions.forEach(records::addAll);
      flattened.add(records);
    }
    return flattened;
  }

  /**
   * Runs {@code numBatches} batches, stops the context and returns each batch's partitions.
   *
   * @param ssc the test's context
   * @param numBatches how many batches to run
   * @param numExpectedOutput how many batches the output stream must have collected
   * @param <V> the record type of the output stream
   * @return one list per batch, of one list per partition
   * @throws AssertionError if the output stream collected another number of batches
   */
  public static <V> List<List<List<V>>> runStreamsWithPartitions(StreamingContext ssc, int numBatches,
      int numExpectedOutput) {
    SuiteRun run = runOf(ssc);
    List<List<List<V>>> batches;
    try {
      run.testContext().runBatches(numBatches);
      batches = run.<V>firstOutput().batches();
    } finally {
      run.testContext().close();
    }
    Assert.assertEquals("the number of batches the output stream collected", numExpectedOutput, batches.size());
    return batches;
  }

  static synchronized void register(TestStreamingContext testContext) {
    RUNS.put(testContext.context(), new SuiteRun(testContext));
  }

  static synchronized void unregister(TestStreamingContext testContext) {
    RUNS.remove(testContext.context());
  }

  private static synchronized SuiteRun runOf(StreamingContext ssc) {
    SuiteRun run = RUNS.get(ssc);
    if (run == null) {
      throw new IllegalStateException("JavaTestUtils works on the ssc that LocalJavaStreamingContext.setUp "
          + "created; this context (" + ssc + ") is another one");
    }
    return run;
  }
}

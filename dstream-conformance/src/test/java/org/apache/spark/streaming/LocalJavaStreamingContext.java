package org.apache.spark.streaming;

import io.dstream.Duration;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.testing.TestStreamingContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;

/**
 * The base class of Spark's Java streaming suites, on dstream: each test gets a fresh {@code ssc} as Spark's
 * does (two worker threads, one-second batches, a manual clock, a checkpoint directory of its own), here the
 * context of a {@link TestStreamingContext}, whose manual clock {@link JavaTestUtils#runStreams} moves.
 */
public abstract class LocalJavaStreamingContext {
  private static final AtomicInteger CHECKPOINTS = new AtomicInteger();

  /** The test's context; Spark's suites use it directly. */
  protected transient StreamingContext ssc;

  private TestStreamingContext testContext;

  /** Creates the test's context, as Spark's {@code setUp} does. */
  @Before
  public void setUp() {
    StreamingConf conf = new StreamingConf().setMaster("local[2]").setAppName("test");
    testContext = TestStreamingContext.create(new Duration(1000), conf);
    ssc = testContext.context();
    ssc.checkpoint("memory://spark-suites/checkpoint-" + CHECKPOINTS.incrementAndGet());
    JavaTestUtils.register(testContext);
  }

  /** Stops the test's context (runStreams may have stopped it already) and forgets it. */
  @After
  public void tearDown() {
    JavaTestUtils.unregister(testContext);
    testContext.close();
    ssc = null;
  }
}

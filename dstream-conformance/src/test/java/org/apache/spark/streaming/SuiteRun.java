package org.apache.spark.streaming;

import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.List;

/** One test's context and the output streams attached to it, in the order they were attached. */
final class SuiteRun {
  private final TestStreamingContext testContext;
  private final List<PartitionedOutput<?>> outputs = new ArrayList<>();

  SuiteRun(TestStreamingContext testContext) {
    this.testContext = testContext;
  }

  TestStreamingContext testContext() {
    return testContext;
  }

  synchronized void attach(PartitionedOutput<?> output) {
    outputs.add(output);
  }

  /** The output that Spark's runStreams reads: the first attached. */
  @SuppressWarnings("unchecked")
  synchronized <V> PartitionedOutput<V> firstOutput() {
    if (outputs.isEmpty()) {
      throw new IllegalStateException("no output stream is attached to " + testContext.context()
          + "; call JavaTestUtils.attachTestOutputStream(stream) before runStreams");
    }
    return (PartitionedOutput<V>) outputs.get(0);
  }
}

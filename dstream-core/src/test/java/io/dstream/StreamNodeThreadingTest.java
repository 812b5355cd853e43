package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.stream.StreamNode;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stream node's one lock makes computing a batch and caching it one step; reading what it generated and
 * its definition does not wait for a batch that another thread is computing.
 */
class StreamNodeThreadingTest {

  /** Passes its parent's batches through; computing one time waits until the test lets it finish. */
  private static final class GatedNode<T> extends PassThroughStreamNode<T> {
    private final Time gatedTime;
    final CountDownLatch computing = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    GatedNode(StreamNode<T> parent, Time gatedTime) {
      super(parent);
      this.gatedTime = gatedTime;
    }

    @Override
    protected RddNode<T> compute(Time time) throws Exception {
      if (time.equals(gatedTime)) {
        computing.countDown();
        release.await();
      }
      return super.compute(time);
    }

    @Override
    public String operationName() {
      return "gated";
    }
  }

  @Test
  void readingGeneratedBatchesDoesNotWaitForABatchBeingComputed() throws Exception {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<Integer> in = t.inputStream(List.of(List.of(1), List.of(2), List.of(3)));
      List<Time> times = new CopyOnWriteArrayList<>();
      in.foreachRDD((rdd, time) -> times.add(time));
      // The clock starts at 0: batch i has time i seconds.
      Time firstBatch = new Time(1_000);
      Time gated = new Time(2_000);
      GatedNode<Integer> node = new GatedNode<>(in.node, gated);
      DStream<Integer> gatedStream = new DStream<>(t.context(), node);
      gatedStream.foreachRDD(rdd -> rdd.count());
      t.runBatches(1);
      assertThat(times).containsExactly(firstBatch);

      // Another thread (as a job's slice would) computes the next batch and is held inside compute.
      CompletableFuture<RddNode<Integer>> computed = CompletableFuture.supplyAsync(() -> {
        try {
          return node.getOrCompute(gated);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertThat(node.computing.await(30, TimeUnit.SECONDS)).as("the other thread is computing").isTrue();
      try {
        CompletableFuture<RddNode<Integer>> read = CompletableFuture.supplyAsync(() -> node.generatedRdd(firstBatch));
        assertThat(read.get(30, TimeUnit.SECONDS)).as("the first batch, read while another is computed").isNotNull();
        assertThat(CompletableFuture.supplyAsync(node::rememberedRddCount).get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(CompletableFuture.supplyAsync(node::checkpointInterval).get(30, TimeUnit.SECONDS)).isNull();
      } finally {
        node.release.countDown();
      }
      assertThat(computed.get(30, TimeUnit.SECONDS)).isSameAs(node.generatedRdd(gated));
    }
  }
}

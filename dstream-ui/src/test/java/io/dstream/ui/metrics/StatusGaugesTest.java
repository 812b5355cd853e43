package io.dstream.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.PairDStream;
import io.dstream.ReceiverInputDStream;
import io.dstream.Tuple2;
import io.dstream.receiver.Receiver;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchStarted;
import io.dstream.scheduler.StreamingListenerReceiverStopped;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The gauges against what the context holds: receivers running, blocks waiting, batches active, state keys. */
@ExtendWith(TestStreamingContextExtension.class)
class StatusGaugesTest {
  private static final long TIMEOUT_SECONDS = 30;

  /** A receiver that receives nothing by itself: the test stores through it. */
  private static final class StoredByTest extends Receiver<String> {
    @Override
    public void onStart() {}

    @Override
    public void onStop() {}
  }

  private static double gauge(MeterRegistry registry, String name) {
    return registry.get(name).gauge().value();
  }

  private static void await(CountDownLatch latch, String what) throws InterruptedException {
    assertThat(latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as(what + " within " + TIMEOUT_SECONDS + " s").isTrue();
  }

  @Test
  void blocksWaitUntilABatchTakesThemAndAReceiverCountsAsActiveUntilItStops(TestStreamingContext t)
      throws InterruptedException {
    StoredByTest receiver = new StoredByTest();
    ReceiverInputDStream<String> received = t.context().receiverStream(receiver);
    t.collect(received);
    t.collect(t.inputStream(List.of(List.of("not a receiver's"))));
    CountDownLatch stopped = new CountDownLatch(1);
    t.context().addStreamingListener(new StreamingListener() {
      @Override
      public void onReceiverStopped(StreamingListenerReceiverStopped event) {
        stopped.countDown();
      }
    });
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DStreamMetrics.bind(t.context(), registry);
    t.runBatches(0);

    List<List<String>> blocks = List.of(List.of("a", "b"), List.of("c"));
    blocks.forEach(receiver::store);
    assertThat(gauge(registry, MeterNames.BLOCKS_WAITING)).isEqualTo(blocks.size());
    t.runBatches(1);

    assertThat(gauge(registry, MeterNames.BLOCKS_WAITING)).isZero();
    assertThat(gauge(registry, MeterNames.RECEIVERS_ACTIVE)).isEqualTo(1);
    assertThat(DStreamMetricsTest.records(registry, received))
        .isEqualTo(blocks.stream().mapToLong(List::size).sum());
    receiver.stop("the test is done with it");
    await(stopped, "the receiver stopped");
    assertThat(gauge(registry, MeterNames.RECEIVERS_ACTIVE)).isZero();
    assertThat(registry.get(MeterNames.LISTENER_EVENTS_DROPPED).functionCounter().count()).isZero();
  }

  @Test
  void aBatchIsActiveFromItsSubmissionUntilItCompletes(TestStreamingContext t) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    t.inputStream(List.of(List.of(1))).foreachRDD(rdd -> await(release, "the test released the job"));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DStreamMetrics.bind(t.context(), registry);
    // Added after the binding, so it hears of the start after the meters heard of the submission.
    t.context().addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchStarted(StreamingListenerBatchStarted event) {
        started.countDown();
      }
    });
    t.runBatches(0);
    assertThat(gauge(registry, MeterNames.BATCHES_ACTIVE)).isZero();

    CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> t.runBatches(1));
    await(started, "the batch started");
    double whileRunning = gauge(registry, MeterNames.BATCHES_ACTIVE);
    release.countDown();
    batch.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

    assertThat(whileRunning).isEqualTo(1);
    assertThat(gauge(registry, MeterNames.BATCHES_ACTIVE)).isZero();
  }

  @Test
  void eachStateStreamsKeysAreThoseAPlainSetOfItsKeysHolds(TestStreamingContext t, @TempDir Path checkpoints) {
    Random random = new Random(21);
    List<List<Tuple2<Integer, Integer>>> input = IntStream.range(0, 6)
        .mapToObj(i -> IntStream.range(0, random.nextInt(30))
            .mapToObj(j -> new Tuple2<>(random.nextInt(50), j)).toList())
        .toList();
    t.context().checkpoint(checkpoints.toString());
    PairDStream<Integer, Integer> pairs = t.pairInputStream(input);
    PairDStream<Integer, Integer> counts = pairs.updateStateByKey(
        (List<Integer> values, Optional<Integer> state) -> Optional.of(state.orElse(0) + values.size()));
    counts.name("counts");
    t.collect(counts);
    t.runBatches(0);
    // Bound to a running context, the state streams' gauges are registered at once.
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DStreamMetrics.bind(t.context(), registry);
    assertThat(registry.get(MeterNames.STATE_KEYS).gauge().value()).isNaN();

    Set<Integer> keys = new HashSet<>();
    for (List<Tuple2<Integer, Integer>> batch : input) {
      t.runBatches(1);
      batch.forEach(pair -> keys.add(pair._1()));

      assertThat(registry.get(MeterNames.STATE_KEYS).tag(MeterNames.STREAM, "counts").gauge().value())
          .isEqualTo(keys.size());
    }
  }
}

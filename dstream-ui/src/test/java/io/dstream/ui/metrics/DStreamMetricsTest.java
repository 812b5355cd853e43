package io.dstream.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.InputDStream;
import io.dstream.rdd.RDD;
import io.dstream.rdd.JobFailedException;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The batch meters against what the batches did: timers and batch counters count each batch, the record
 * counters each input's records as a plain count of the input has them, and failures count as failures.
 */
@ExtendWith(TestStreamingContextExtension.class)
class DStreamMetricsTest {
  private static final int BATCHES = 5;

  /** The batches' infos as the listener API reports them: the oracle of the timers. */
  private static final class CompletedBatches implements StreamingListener {
    final List<BatchInfo> infos = new ArrayList<>();

    @Override
    public synchronized void onBatchCompleted(StreamingListenerBatchCompleted event) {
      infos.add(event.batchInfo());
    }

    synchronized List<BatchInfo> since(int index) {
      return List.copyOf(infos.subList(index, infos.size()));
    }
  }

  private static List<List<Integer>> randomBatches(long seed, int batches) {
    Random random = new Random(seed);
    return IntStream.range(0, batches)
        .mapToObj(i -> random.ints(random.nextInt(20), 0, 100).boxed().toList())
        .toList();
  }

  private static long recordsOf(List<List<Integer>> batches, int from, int to) {
    return batches.subList(from, to).stream().mapToLong(List::size).sum();
  }

  static double records(MeterRegistry registry, InputDStream<?> stream) {
    return registry.get(MeterNames.INPUT_RECORDS).tag(MeterNames.STREAM_ID, Integer.toString(stream.id()))
        .counter().count();
  }

  static double batches(MeterRegistry registry, String outcome) {
    return registry.get(MeterNames.BATCHES_COMPLETED).tag(MeterNames.OUTCOME, outcome).counter().count();
  }

  static double outputs(MeterRegistry registry, String outcome) {
    return registry.get(MeterNames.OUTPUT_OPERATIONS).tag(MeterNames.OUTCOME, outcome).counter().count();
  }

  private static void assertTimersMatch(MeterRegistry registry, List<BatchInfo> infos) {
    assertTimer(registry.get(MeterNames.BATCH_PROCESSING).timer(),
        infos.stream().mapToLong(info -> info.processingDelay().orElseThrow()).sum(), infos.size());
    assertTimer(registry.get(MeterNames.BATCH_SCHEDULING_DELAY).timer(),
        infos.stream().mapToLong(info -> info.schedulingDelay().orElseThrow()).sum(), infos.size());
    assertTimer(registry.get(MeterNames.BATCH_TOTAL_DELAY).timer(),
        infos.stream().mapToLong(info -> info.totalDelay().orElseThrow()).sum(), infos.size());
  }

  private static void assertTimer(Timer timer, long totalMillis, int count) {
    assertThat(timer.count()).as(timer.getId().getName() + " count").isEqualTo(count);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).as(timer.getId().getName() + " total")
        .isEqualTo((double) totalMillis);
  }

  @Test
  void everyBatchIsTimedAndCountedAndEachInputsRecordsAreCountedAsAPlainCountHasThem(TestStreamingContext t) {
    List<List<Integer>> orders = randomBatches(15, BATCHES);
    List<List<Integer>> clicks = randomBatches(16, BATCHES);
    InputDStream<Integer> orderStream = (InputDStream<Integer>) t.inputStream(orders);
    orderStream.name("orders");
    InputDStream<Integer> clickStream = (InputDStream<Integer>) t.inputStream(clicks);
    t.collect(orderStream.union(clickStream));
    // Every batch of it is a transformed RDD, whose count is not known without a job: it has no record counter.
    RDD<Integer> mapped = t.context().parallelize(List.of(1, 2)).map(x -> x * 2);
    InputDStream<Integer> uncounted = t.context().queueStream(new ArrayDeque<>(List.of(mapped)), true, mapped);
    t.collect(uncounted);
    // Batch i runs for 37 * i ms of the manual clock (less than an interval), so the timers' totals say something.
    clickStream.foreachRDD((rdd, time) -> t.clock().advance(37 * time.milliseconds() / 1000));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DStreamMetrics.bind(t.context(), registry);
    CompletedBatches completed = new CompletedBatches();
    t.context().addStreamingListener(completed);

    t.runBatches(BATCHES);

    assertThat(batches(registry, MeterNames.SUCCEEDED)).isEqualTo(BATCHES);
    assertThat(batches(registry, MeterNames.FAILED)).isZero();
    assertThat(outputs(registry, MeterNames.SUCCEEDED)).isEqualTo(3 * BATCHES);
    assertThat(outputs(registry, MeterNames.FAILED)).isZero();
    assertTimersMatch(registry, completed.since(0));
    assertThat(registry.get(MeterNames.BATCH_PROCESSING).timer().totalTime(TimeUnit.MILLISECONDS)).isPositive();
    assertThat(records(registry, orderStream)).isEqualTo(recordsOf(orders, 0, BATCHES));
    assertThat(records(registry, clickStream)).isEqualTo(recordsOf(clicks, 0, BATCHES));
    assertThat(registry.get(MeterNames.INPUT_RECORDS).tag(MeterNames.STREAM, "orders").counter().count())
        .isEqualTo(recordsOf(orders, 0, BATCHES));
    assertThat(registry.get(MeterNames.INPUT_RECORDS).tag(MeterNames.STREAM_ID, Integer.toString(clickStream.id()))
        .counter().getId().getTag(MeterNames.STREAM)).isEqualTo("queueStream");
    assertThat(registry.find(MeterNames.INPUT_RECORDS).tag(MeterNames.STREAM_ID, Integer.toString(uncounted.id()))
        .meters()).isEmpty();
    assertThat(registry.get(MeterNames.BATCHES_ACTIVE).gauge().value()).isZero();
    assertThat(registry.getMeters()).allSatisfy(meter ->
        assertThat(meter.getId().getTag(MeterNames.APPLICATION)).isEqualTo("test"));
  }

  @Test
  void boundWhileTheContextRunsTheMetersCountFromTheNextBatch(TestStreamingContext t) {
    List<List<Integer>> input = randomBatches(17, BATCHES);
    InputDStream<Integer> stream = (InputDStream<Integer>) t.inputStream(input);
    t.collect(stream);
    CompletedBatches completed = new CompletedBatches();
    t.context().addStreamingListener(completed);
    t.runBatches(2);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    DStreamMetrics.bind(t.context(), registry);
    t.runBatches(BATCHES - 2);

    assertThat(batches(registry, MeterNames.SUCCEEDED)).isEqualTo(BATCHES - 2);
    assertThat(outputs(registry, MeterNames.SUCCEEDED)).isEqualTo(BATCHES - 2);
    assertTimersMatch(registry, completed.since(2));
    assertThat(records(registry, stream)).isEqualTo(recordsOf(input, 2, BATCHES));
  }

  @Test
  void aFailingOutputOperationCountsOneFailedBatchAndOneFailedOutputOperation(TestStreamingContext t) {
    DStream<Integer> numbers = t.inputStream(randomBatches(18, BATCHES));
    t.collect(numbers);
    numbers.foreachRDD((rdd, time) -> {
      if (time.milliseconds() == 2000) {
        throw new IllegalStateException("the sink is down");
      }
    });
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DStreamMetrics.bind(t.context(), registry);

    t.runBatches(1);
    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class);
    t.runBatches(BATCHES - 2);

    assertThat(batches(registry, MeterNames.FAILED)).isEqualTo(1);
    assertThat(batches(registry, MeterNames.SUCCEEDED)).isEqualTo(BATCHES - 1);
    assertThat(outputs(registry, MeterNames.FAILED)).isEqualTo(1);
    assertThat(outputs(registry, MeterNames.SUCCEEDED)).isEqualTo(2 * BATCHES - 1);
    assertThat(registry.get(MeterNames.BATCH_PROCESSING).timer().count()).isEqualTo(BATCHES);
  }

  @Test
  void twoRegistriesBoundToOneContextCountTheSame(TestStreamingContext t) {
    List<List<Integer>> input = randomBatches(19, BATCHES);
    InputDStream<Integer> stream = (InputDStream<Integer>) t.inputStream(input);
    t.collect(stream);
    SimpleMeterRegistry first = new SimpleMeterRegistry();
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    DStreamMetrics metrics = DStreamMetrics.bind(t.context(), first);
    metrics.bindTo(second);

    t.runBatches(BATCHES);

    for (MeterRegistry registry : List.of(first, second)) {
      assertThat(batches(registry, MeterNames.SUCCEEDED)).isEqualTo(BATCHES);
      assertThat(records(registry, stream)).isEqualTo(recordsOf(input, 0, BATCHES));
    }
  }

  @Test
  void bindingTwiceToOneRegistryIsRefusedSinceEveryBatchWouldCountTwice(TestStreamingContext t) {
    t.collect(t.inputStream(List.of(List.of(1))));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DStreamMetrics metrics = DStreamMetrics.bind(t.context(), registry);

    assertThatThrownBy(() -> metrics.bindTo(registry)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("application 'test'").hasMessageContaining("once per registry");
    t.runBatches(1);
    assertThat(batches(registry, MeterNames.SUCCEEDED)).isEqualTo(1);
  }

  @Test
  void nullArgumentsAreRefusedNamingThem(TestStreamingContext t) {
    assertThatThrownBy(() -> new DStreamMetrics(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("context is null");
    assertThatThrownBy(() -> DStreamMetrics.bind(t.context(), null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("registry is null");
  }
}

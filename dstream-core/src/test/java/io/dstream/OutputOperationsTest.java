package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code foreachRDD}, with and without the batch time, gets every batch's RDD; the output operations of a
 * batch run one after another in the order they were defined; nothing is computed unless an output
 * operation runs an action; and a failing output operation fails the batch with its own exception.
 */
@ExtendWith(TestStreamingContextExtension.class)
class OutputOperationsTest {
  private static final List<List<Integer>> INPUT = TestData.randomInts(61, 4, 10, 100);

  @Test
  void foreachRddGetsEveryBatchsRdd(TestStreamingContext t) {
    List<List<Integer>> seen = Collections.synchronizedList(new ArrayList<>());
    t.inputStream(INPUT).foreachRDD(rdd -> seen.add(rdd.collect()));

    t.runBatches(INPUT.size() + 1);

    assertThat(seen).isEqualTo(TestData.thenEmpty(INPUT, 1));
  }

  @Test
  void foreachRddWithTimeGetsEveryBatchTime(TestStreamingContext t) {
    List<Long> times = Collections.synchronizedList(new ArrayList<>());
    List<List<Integer>> seen = Collections.synchronizedList(new ArrayList<>());
    t.inputStream(INPUT).foreachRDD((RDD<Integer> rdd, Time time) -> {
      times.add(time.milliseconds());
      seen.add(rdd.collect());
    });

    t.runBatches(3);

    assertThat(times).containsExactly(1000L, 2000L, 3000L);
    assertThat(seen).isEqualTo(INPUT.subList(0, 3));
  }

  @Test
  void outputOperationsRunInDefinitionOrderWithinEachBatch(TestStreamingContext t) {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    DStream<Integer> in = t.inputStream(INPUT);
    in.foreachRDD((RDD<Integer> rdd, Time time) -> log.add("first@" + time.milliseconds()));
    in.map(x -> x + 1).foreachRDD((RDD<Integer> rdd, Time time) -> log.add("second@" + time.milliseconds()));
    in.foreachRDD((RDD<Integer> rdd, Time time) -> log.add("third@" + time.milliseconds()));

    t.runBatches(2);

    assertThat(log).containsExactly("first@1000", "second@1000", "third@1000",
        "first@2000", "second@2000", "third@2000");
  }

  @Test
  void nothingIsComputedUnlessTheOutputOperationRunsAnAction(TestStreamingContext t) {
    AtomicInteger calls = new AtomicInteger();
    DStream<Integer> mapped = t.inputStream(INPUT).map(x -> {
      calls.incrementAndGet();
      return x;
    });
    mapped.foreachRDD(rdd -> { });

    t.runBatches(INPUT.size());

    assertThat(calls).hasValue(0);
  }

  @Test
  void aFailingOutputOperationFailsTheBatchWithItsOwnException(TestStreamingContext t) {
    IllegalStateException boom = new IllegalStateException("sink unavailable");
    List<Long> after = Collections.synchronizedList(new ArrayList<>());
    DStream<Integer> in = t.inputStream(INPUT);
    in.foreachRDD(rdd -> {
      throw boom;
    });
    in.foreachRDD((RDD<Integer> rdd, Time time) -> after.add(time.milliseconds()));

    assertThatThrownBy(() -> t.runBatches(1))
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("batch 1000 ms")
        .cause().isSameAs(boom);
    // The batch's other output operations still ran.
    assertThat(after).containsExactly(1000L);
  }

  @Test
  void anOutputOperationCannotBeAddedAfterStart(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(INPUT);
    in.foreachRDD(rdd -> { });
    t.runBatches(1);

    assertThatThrownBy(() -> in.foreachRDD(rdd -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before calling start()");
    assertThatThrownBy(() -> in.map(x -> x))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after the StreamingContext has started");
  }
}

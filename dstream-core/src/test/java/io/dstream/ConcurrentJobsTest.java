package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentJobsTest {
  private static final List<List<Integer>> INPUT = List.of(List.of(1, 2), List.of(3), List.of(4, 5, 6));

  @Test
  void withOneConcurrentJobOutputOperationsRunOneAtATimeInDefinitionOrder() {
    List<String> trace = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<Integer> in = t.inputStream(INPUT);
      for (int op = 0; op < 3; op++) {
        String name = "op" + op;
        in.foreachRDD((rdd, time) -> {
          mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
          trace.add("start " + name + " " + time);
          rdd.count();
          trace.add("end " + name + " " + time);
          running.decrementAndGet();
        });
      }

      t.runBatches(3);
    }

    List<String> expected = new ArrayList<>();
    for (String time : List.of("1000 ms", "2000 ms", "3000 ms")) {
      for (String op : List.of("op0", "op1", "op2")) {
        expected.add("start " + op + " " + time);
        expected.add("end " + op + " " + time);
      }
    }
    assertThat(trace).containsExactlyElementsOf(expected);
    assertThat(mostAtOnce).hasValue(1);
  }

  @Test
  void withTwoConcurrentJobsTwoOutputOperationsOfABatchRunAtTheSameTime() {
    // Each job waits at the barrier for the other: run one at a time, the first would wait in vain.
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    List<Boolean> met = Collections.synchronizedList(new ArrayList<>());
    StreamingConf conf = new StreamingConf().set("dstream.concurrentJobs", "2");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      DStream<Integer> in = t.inputStream(INPUT);
      for (int op = 0; op < 2; op++) {
        in.foreachRDD(rdd -> met.add(meetAtBarrier(bothRunning)));
      }

      t.runBatches(1);
    }

    assertThat(met).containsExactly(true, true);
  }

  @Test
  void withTwoConcurrentJobsEveryBatchStillCompletes() {
    StreamingConf conf = new StreamingConf().set("dstream.concurrentJobs", "2");
    RecordingListener listener = new RecordingListener();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      t.context().addStreamingListener(listener);
      DStream<Integer> in = t.inputStream(INPUT);
      var sums = t.collect(in.reduce(Integer::sum));
      var counts = t.collect(in.count());

      t.runBatches(3);

      assertThat(sums.batches()).containsExactly(List.of(3), List.of(3), List.of(15));
      assertThat(counts.batches()).containsExactly(List.of(2L), List.of(1L), List.of(3L));
    }
    for (String time : List.of("1000 ms", "2000 ms", "3000 ms")) {
      List<String> ofBatch = listener.eventNames().stream().filter(name -> name.endsWith(time)
          || name.contains(time + " #")).toList();
      assertThat(ofBatch.get(0)).isEqualTo("batchSubmitted " + time);
      assertThat(ofBatch.get(1)).isEqualTo("batchStarted " + time);
      assertThat(ofBatch.get(ofBatch.size() - 1)).isEqualTo("batchCompleted " + time);
      assertThat(ofBatch).hasSize(7);
    }
  }

  private static boolean meetAtBarrier(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

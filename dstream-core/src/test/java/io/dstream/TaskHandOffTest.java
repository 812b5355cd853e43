package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a job's tasks run: a stage with no more tasks than worker threads runs its last task on the thread that
 * runs the job, which would otherwise only wait (a small batch's job spends more time in hand-offs to the workers
 * than in its tasks); a larger stage runs every task on the workers, never more at once than {@code local[N]}.
 */
class TaskHandOffTest {
  private static final int WORKERS = 2;

  private TestStreamingContext t;
  private StreamingContext ssc;
  private final Map<Integer, Thread> threadOfPartition = new ConcurrentHashMap<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();

  @BeforeEach
  void open() {
    t = TestStreamingContext.create(Durations.seconds(1), new StreamingConf().setMaster("local[" + WORKERS + "]"));
    ssc = t.context();
  }

  @AfterEach
  void close() {
    t.close();
  }

  /** Squares each number, noting the thread of each partition and how many tasks run at once. */
  private List<Integer> squares(List<Integer> numbers, int partitions) {
    RDD<Integer> rdd = ssc.parallelize(numbers, partitions).mapPartitions(records -> {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        threadOfPartition.put(TaskContext.getPartitionId(), Thread.currentThread());
        List<Integer> squared = new ArrayList<>();
        records.forEachRemaining(n -> squared.add(n * n));
        return squared.iterator();
      } finally {
        running.decrementAndGet();
      }
    });
    return rdd.collect();
  }

  private static List<Integer> numbers(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  @Test
  void aStageWithAsManyTasksAsWorkersRunsItsLastTaskOnTheCallingThread() {
    List<Integer> numbers = numbers(10);

    assertThat(squares(numbers, WORKERS)).isEqualTo(numbers.stream().map(n -> n * n).toList());
    assertThat(threadOfPartition.get(WORKERS - 1)).isSameAs(Thread.currentThread());
    assertThat(threadOfPartition.get(0)).isNotSameAs(Thread.currentThread());
  }

  @Test
  void aStageWithMoreTasksThanWorkersRunsEveryTaskOnTheWorkersAtMostAsManyAtOnceAsWorkers() {
    List<Integer> numbers = numbers(30);

    assertThat(squares(numbers, 3 * WORKERS)).isEqualTo(numbers.stream().map(n -> n * n).toList());
    assertThat(threadOfPartition).hasSize(3 * WORKERS).doesNotContainValue(Thread.currentThread());
    assertThat(threadOfPartition.values().stream().map(Thread::getName).collect(Collectors.toSet()))
        .allMatch(name -> name.contains("-worker-"));
    assertThat(mostAtOnce.get()).isLessThanOrEqualTo(WORKERS);
  }

  @Test
  void aTaskFailingOnTheCallingThreadFailsTheJobWithItsCause() {
    RDD<Integer> failing = ssc.parallelize(numbers(4), WORKERS).mapPartitions(records -> {
      if (TaskContext.getPartitionId() == WORKERS - 1) {
        throw new IllegalStateException("bad partition " + TaskContext.getPartitionId());
      }
      return records;
    });

    assertThatThrownBy(failing::collect).isInstanceOf(JobFailedException.class)
        .hasRootCauseMessage("bad partition " + (WORKERS - 1));
  }
}

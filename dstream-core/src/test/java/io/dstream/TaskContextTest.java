package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskContext}: each task sees its own partition, stage, attempt and batch; outside a task there is none.
 */
class TaskContextTest {
  private static final int PARTITIONS = 4;

  private TestStreamingContext t;

  @AfterEach
  void close() {
    if (t != null) {
      t.close();
    }
  }

  private TestStreamingContext context(StreamingConf conf) {
    t = TestStreamingContext.create(Durations.seconds(1), conf);
    return t;
  }

  /** What one task saw, read on its own thread. */
  private record Seen(int partition, int stage, int attempt, Time batch, Time foreachRddTime) {}

  @Test
  void foreachPartitionInsideForeachRddSeesEachPartitionOnceWithTheBatchTime() {
    context(new StreamingConf().setMaster("local[2]"));
    List<List<Integer>> batches = List.of(range(20), range(7), range(13));
    Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    List<TaskContext> onJobThread = Collections.synchronizedList(new ArrayList<>());
    t.inputStream(batches).repartition(PARTITIONS).foreachRDD((rdd, time) -> {
      onJobThread.add(TaskContext.get());
      rdd.foreachPartition(records -> {
        TaskContext task = TaskContext.get();
        seen.add(new Seen(task.partitionId(), task.stageId(), task.attemptNumber(),
            task.batchTime().orElse(null), time));
        assertThat(TaskContext.getPartitionId()).isEqualTo(task.partitionId());
        assertThat(TaskContext.get()).as("the same context again within the task").isSameAs(task);
      });
    });

    t.runBatches(batches.size());

    assertThat(onJobThread).as("the foreachRDD function runs on the job thread, outside any task")
        .hasSize(batches.size()).containsOnlyNulls();
    Map<Time, List<Seen>> byBatch = seen.stream().collect(Collectors.groupingBy(Seen::batch));
    assertThat(byBatch).hasSize(batches.size());
    Set<Integer> finalStages = new HashSet<>();
    byBatch.forEach((batch, tasks) -> {
      assertThat(tasks).allSatisfy(s -> {
        assertThat(s.batch()).as("TaskContext.batchTime() is the time foreachRDD got").isEqualTo(s.foreachRddTime());
        assertThat(s.attempt()).isZero();
      });
      assertThat(tasks).extracting(Seen::partition).as("each partition exactly once in batch %s", batch)
          .containsExactlyInAnyOrderElementsOf(range(PARTITIONS));
      assertThat(tasks).extracting(Seen::stage).as("one stage per batch's foreachPartition").containsOnly(
          tasks.get(0).stage());
      finalStages.add(tasks.get(0).stage());
    });
    assertThat(finalStages).as("every batch runs its own stages").hasSize(batches.size());
    assertThat(TaskContext.get()).as("on the test's thread").isNull();
    assertThat(TaskContext.getPartitionId()).isZero();
  }

  @Test
  void theMapSideOfAShuffleIsAnEarlierStageOfTheSameJob() {
    context(new StreamingConf().setMaster("local[2]"));
    Queue<Integer> mapStages = new ConcurrentLinkedQueue<>();
    Queue<Integer> finalStages = new ConcurrentLinkedQueue<>();
    t.inputStream(List.of(range(30))).repartition(3)
        .mapPartitions(records -> {
          mapStages.add(TaskContext.get().stageId());
          return records;
        })
        .mapToPair(x -> new Tuple2<>(x % 5, x)).reduceByKey(Integer::sum, 2)
        .foreachRDD(rdd -> rdd.foreachPartition(records -> finalStages.add(TaskContext.get().stageId())));

    t.runBatches(1);

    assertThat(mapStages).as("one call per map task: a map task computes its partition once")
        .hasSize(3).containsOnly(mapStages.peek());
    assertThat(finalStages).hasSize(2).containsOnly(finalStages.peek());
    assertThat(finalStages.peek()).isGreaterThan(mapStages.peek());
  }

  @Test
  void aRetriedTaskCountsItsAttemptsFromZero() {
    StreamingContext ssc = context(new StreamingConf().setMaster("local[2]").set("dstream.task.maxFailures", "3"))
        .context();
    Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    AtomicInteger failuresLeft = new AtomicInteger(2);
    ssc.parallelize(range(9), 3).foreachPartition(records -> {
      TaskContext task = TaskContext.get();
      seen.add(new Seen(task.partitionId(), task.stageId(), task.attemptNumber(), task.batchTime().orElse(null),
          null));
      if (task.partitionId() == 1 && failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("transient failure");
      }
    });

    Map<Integer, List<Integer>> attempts = seen.stream().collect(Collectors.groupingBy(Seen::partition,
        Collectors.mapping(Seen::attempt, Collectors.toList())));
    assertThat(attempts).containsOnlyKeys(0, 1, 2);
    assertThat(attempts.get(0)).containsExactly(0);
    assertThat(attempts.get(1)).as("first attempt, then two retries").containsExactly(0, 1, 2);
    assertThat(attempts.get(2)).containsExactly(0);
    assertThat(seen).extracting(Seen::batch).as("a job outside any batch").containsOnlyNulls();
  }

  @Test
  void aJobRunFromInsideATaskHasItsOwnTasksAndGivesTheEnclosingOneBack() {
    StreamingContext ssc = context(new StreamingConf().setMaster("local[2]")).context();
    RDD<Integer> inner = ssc.parallelize(range(6), 2);
    Queue<String> seen = new ConcurrentLinkedQueue<>();
    ssc.parallelize(range(1), 1).foreachPartition(records -> {
      TaskContext outer = TaskContext.get();
      inner.foreachPartition(it -> seen.add("inner " + TaskContext.get().partitionId() + " stage "
          + (TaskContext.get().stageId() > outer.stageId())));
      seen.add("outer again " + TaskContext.get().equals(outer));
    });

    assertThat(seen).containsExactlyInAnyOrder("inner 0 stage true", "inner 1 stage true", "outer again true");
  }

  @Test
  void aJobThatTransformRunsWhileGeneratingABatchBelongsToThatBatch() {
    context(new StreamingConf().setMaster("local[2]"));
    Queue<Time> seenInTransform = new ConcurrentLinkedQueue<>();
    Queue<Time> generated = new ConcurrentLinkedQueue<>();
    DStream<Integer> counted = t.inputStream(List.of(range(4), range(4))).transform((rdd, time) -> {
      generated.add(time);
      rdd.foreachPartition(records -> seenInTransform.add(TaskContext.get().batchTime().orElseThrow()));
      return rdd;
    });
    counted.foreachRDD(rdd -> rdd.count());

    t.runBatches(2);

    assertThat(generated).hasSize(2);
    assertThat(Set.copyOf(seenInTransform)).containsExactlyInAnyOrderElementsOf(generated);
  }

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }
}

package io.dstream;

import io.dstream.internal.rdd.RunningTask;
import java.util.Optional;

/**
 * What a task knows about itself, as Spark's {@code TaskContext}: inside a function that runs on the worker
 * threads ({@code foreachPartition}, {@code mapPartitions}, {@code map}...), {@link #get()} tells which
 * partition the task computes, its stage, which attempt it is and the batch it belongs to.
 *
 * <p>The batch time and the partition id make an identifier of a partition's output that is the same in
 * every attempt and every re-run of the batch: the key of an exactly-once (transactional) write.
 *
 * <pre>{@code
 * stream.foreachRDD(rdd -> rdd.foreachPartition(records -> {
 *   TaskContext task = TaskContext.get();
 *   long batch = task.batchTime().orElseThrow().milliseconds();
 *   String outputId = batch + "-" + task.partitionId();   // the same when the batch runs again
 * }));
 * }</pre>
 *
 * <p>A task context is immutable and belongs to one task attempt; do not keep it beyond the task.
 */
public final class TaskContext {
  // The context last handed out on each thread: get() returns it again while its task runs, as Spark's does,
  // so that calling get() per record allocates nothing.
  private static final ThreadLocal<TaskContext> LAST = new ThreadLocal<>();

  private final RunningTask task;

  private TaskContext(RunningTask task) {
    this.task = task;
  }

  /**
   * Returns the context of the task running on the current thread.
   *
   * <pre>{@code
   * rdd.foreachPartition(records -> System.out.println("partition " + TaskContext.get().partitionId()));
   * }</pre>
   *
   * @return the context (for repeated calls within a task, the same object, unless a job run from inside the
   *     task came in between; contexts of one task are equal); or null outside a task (on the thread that calls
   *     {@code foreachRDD}'s function, for instance), as in Spark
   */
  public static TaskContext get() {
    RunningTask running = RunningTask.current();
    if (running == null) {
      return null;
    }
    TaskContext last = LAST.get();
    if (last == null || last.task != running) {
      last = new TaskContext(running);
      LAST.set(last);
    }
    return last;
  }

  /**
   * Returns the partition id of the task running on the current thread, as Spark's static
   * {@code TaskContext.getPartitionId()}.
   *
   * <pre>{@code
   * rdd.map(x -> TaskContext.getPartitionId() + ":" + x);
   * }</pre>
   *
   * @return the partition id, or 0 outside a task
   */
  public static int getPartitionId() {
    RunningTask running = RunningTask.current();
    return running == null ? 0 : running.partitionId();
  }

  /**
   * Returns the index of the partition this task computes: partition {@code i} of the RDD whose action (or
   * whose shuffle's map side) runs the task.
   *
   * <pre>{@code
   * int partition = TaskContext.get().partitionId();   // 0 to rdd.getNumPartitions() - 1
   * }</pre>
   *
   * @return zero or more
   */
  public int partitionId() {
    return task.partitionId();
  }

  /**
   * Returns the id of the task's stage: an action runs one stage per shuffle it needs computed, then its
   * final stage. Ids are unique within the {@link StreamingContext} and grow with every stage it runs.
   *
   * <pre>{@code
   * int stage = TaskContext.get().stageId();
   * }</pre>
   *
   * @return zero or more
   */
  public int stageId() {
    return task.stageId();
  }

  /**
   * Returns how many times this task was attempted before: 0 for the first attempt, 1 for the first retry
   * (see {@code dstream.task.maxFailures}), as Spark counts.
   *
   * <pre>{@code
   * if (TaskContext.get().attemptNumber() > 0) {
   *   cleanUpAfterFailedAttempt();   // what an earlier attempt of this partition may have left
   * }
   * }</pre>
   *
   * @return zero or more
   */
  public int attemptNumber() {
    return task.attemptNumber();
  }

  /**
   * Returns the time of the batch whose job runs this task: the batch of the output operation
   * ({@code foreachRDD}, {@code print}, {@code saveAs...Files}) or of the batch being generated (a job that
   * {@code transform} runs). Spark's task context has no batch time; here it saves passing the time of
   * {@code foreachRDD((rdd, time) -> ...)} into the partition function.
   *
   * <pre>{@code
   * Optional<Time> batch = TaskContext.get().batchTime();   // empty for an RDD action outside a stream
   * }</pre>
   *
   * @return the batch time, or empty for a job that no batch runs (an action on an RDD outside a stream)
   */
  public Optional<Time> batchTime() {
    return Optional.ofNullable(task.batchTime());
  }

  /** Two contexts are equal when they describe the same task attempt. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TaskContext that && task.equals(that.task);
  }

  @Override
  public int hashCode() {
    return task.hashCode();
  }

  /** Returns a description such as {@code TaskContext(partition 3, stage 7, attempt 0, batch 2000 ms)}. */
  @Override
  public String toString() {
    return "TaskContext(partition " + task.partitionId() + ", stage " + task.stageId() + ", attempt "
        + task.attemptNumber() + (task.batchTime() == null ? "" : ", batch " + task.batchTime()) + ")";
  }
}

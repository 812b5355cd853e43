package io.dstream.internal.rdd;

import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.checkpoint.internal.FatalErrors;
import io.dstream.rdd.JobFailedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs: cuts the lineage of the final node into stages at shuffle dependencies, runs the missing map
 * stages parents first, then the final stage, one task per partition on the worker pool.
 *
 * <p>Narrow dependencies are pipelined: a task pulls records through the whole chain of narrow nodes above
 * its partition. A failed task is retried on the spot up to {@code dstream.task.maxFailures} attempts; then
 * the job fails with a {@link JobFailedException} whose cause is the last attempt's exception.
 *
 * <p>Each task attempt is the {@link RunningTask} of its thread while it runs, with the batch of the thread
 * that started the job ({@link BatchJobScope}).
 */
public final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  private final Engine engine;
  private final AtomicInteger jobIds = new AtomicInteger();
  private final AtomicInteger stageIds = new AtomicInteger();

  JobRunner(Engine engine) {
    this.engine = engine;
  }

  /**
   * Runs a job over every partition of a node.
   *
   * @param node the final node
   * @param function what each task does with its partition
   * @param <T> the record type
   * @param <U> the per-partition result type
   * @return one result per partition, in partition order
   * @throws JobFailedException if a task fails after its retries
   * @throws IllegalStateException if the engine was stopped
   */
  public <T, U> List<U> runJob(RddNode<T> node, TaskFunction<T, U> function) {
    return runJob(node, allPartitions(node), function);
  }

  /**
   * Runs a job over some partitions of a node.
   *
   * @param node the final node
   * @param partitions the partitions to compute
   * @param function what each task does with its partition
   * @param <T> the record type
   * @param <U> the per-partition result type
   * @return one result per requested partition, in the order requested
   * @throws JobFailedException if a task fails after its retries
   * @throws IllegalStateException if the engine was stopped
   */
  public <T, U> List<U> runJob(RddNode<T> node, int[] partitions, TaskFunction<T, U> function) {
    if (engine.isStopped()) {
      throw stopped(node);
    }
    Job job = new Job(jobIds.getAndIncrement(), BatchJobScope.ofJobsStartedHere());
    for (ShuffleDependency<?, ?, ?> shuffle : missingShuffles(node)) {
      runMapStage(job, shuffle);
    }
    return runStage(job, node, partitions, function);
  }

  /**
   * Returns the shuffles the node needs whose outputs are not yet available, parents before children.
   */
  private static List<ShuffleDependency<?, ?, ?>> missingShuffles(RddNode<?> node) {
    List<ShuffleDependency<?, ?, ?>> missing = new ArrayList<>();
    Set<RddNode<?>> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    visit(node, visited, missing);
    return missing;
  }

  private static void visit(RddNode<?> node, Set<RddNode<?>> visited, List<ShuffleDependency<?, ?, ?>> missing) {
    if (!visited.add(node) || node.isFullyCached()) {
      return;
    }
    for (Dependency dep : node.dependencies()) {
      if (dep instanceof ShuffleDependency<?, ?, ?> shuffle) {
        if (!shuffle.isAvailable()) {
          visit(shuffle.parent(), visited, missing);
          if (!missing.contains(shuffle)) {
            missing.add(shuffle);
          }
        }
      } else {
        visit(dep.parent(), visited, missing);
      }
    }
  }

  private void runMapStage(Job job, ShuffleDependency<?, ?, ?> shuffle) {
    // Two jobs may need the same shuffle (concurrent output operations over one window): one runs it.
    synchronized (shuffle) {
      if (shuffle.isAvailable()) {
        return;
      }
      shuffle.publish(runMapTasks(job, shuffle));
    }
  }

  private <K, V> Object[][] runMapTasks(Job job, ShuffleDependency<K, V, ?> shuffle) {
    RddNode<Tuple2<K, V>> parent = shuffle.parent();
    List<Object[]> outputs = runStage(job, parent, allPartitions(parent),
        (partition, records) -> shuffle.writeMapOutput(records));
    return outputs.toArray(new Object[0][]);
  }

  private static int[] allPartitions(RddNode<?> node) {
    int[] all = new int[node.numPartitions()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  private <T, U> List<U> runStage(Job job, RddNode<T> node, int[] partitions, TaskFunction<T, U> function) {
    int stageId = stageIds.getAndIncrement();
    engine.stageStarted();
    if (partitions.length == 0) {
      return List.of();
    }
    List<U> results = new ArrayList<>(partitions.length);
    if (Engine.onWorkerThread()) {
      // A job started from inside a task: the pool may have no free slot, so run the tasks right here.
      for (int partition : partitions) {
        results.add(runTask(job, stageId, node, partition, function));
      }
      return results;
    }
    // The calling thread would only wait for the workers: it runs the stage's last task itself, which spares a
    // hand-off to a worker and back (the tasks of a small batch take less time than those). Only when the stage
    // has no more tasks than there are workers, so that no more tasks run at once than local[N] says.
    int submitted = partitions.length <= engine.workerThreads() ? partitions.length - 1 : partitions.length;
    List<Future<U>> futures = new ArrayList<>(submitted);
    try {
      for (int i = 0; i < submitted; i++) {
        int partition = partitions[i];
        futures.add(engine.workers().submit(() -> runTask(job, stageId, node, partition, function)));
      }
      U last = submitted < partitions.length ? runTask(job, stageId, node, partitions[submitted], function) : null;
      for (Future<U> future : futures) {
        results.add(future.get());
      }
      if (submitted < partitions.length) {
        results.add(last);
      }
      return results;
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof JobFailedException failed) {
        throw failed;
      }
      throw new JobFailedException("Job " + job.id() + " failed in stage " + stageId + ": " + cause, cause);
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new JobFailedException("Job " + job.id() + " was interrupted (the context is stopping)", e);
    } catch (RejectedExecutionException e) {
      // The context stopped between the check in runJob and the submission.
      futures.forEach(f -> f.cancel(true));
      IllegalStateException stopped = stopped(node);
      stopped.initCause(e);
      throw stopped;
    } catch (RuntimeException | Error e) {
      // The task run here failed: the others are not needed any more.
      futures.forEach(f -> f.cancel(true));
      throw e;
    }
  }

  private static IllegalStateException stopped(RddNode<?> node) {
    return new IllegalStateException("cannot run a job on " + node + ": the StreamingContext that created it "
        + "was stopped; create a new context and build the RDD from it");
  }

  private <T, U> U runTask(Job job, int stageId, RddNode<T> node, int partition, TaskFunction<T, U> function) {
    int maxAttempts = engine.maxTaskFailures();
    for (int attempt = 1; ; attempt++) {
      engine.taskStarted();
      try {
        return runAttempt(new RunningTask(partition, stageId, attempt - 1, job.batchTime()), node, function);
      } catch (Throwable e) {
        Optional<VirtualMachineError> fatal = FatalErrors.in(e);
        if (fatal.isPresent()) {
          throw fatal.get(); // not retried, even when user code wrapped it: see FatalErrors
        }
        Throwable cause = UserCodeException.unwrap(e);
        // A task that caught the interrupt (a cancelled job, a stop) has its flag cleared: its cause tells.
        boolean interrupted = Thread.currentThread().isInterrupted() || cause instanceof InterruptedException;
        if (attempt >= maxAttempts || interrupted) {
          throw new JobFailedException("Job " + job.id() + " failed: task " + partition + " of stage " + stageId
              + " (" + node + ") failed " + attempt + (attempt == 1 ? " time" : " times")
              + "; last failure: " + cause, cause);
        }
        LOG.warn("Task {} of stage {} ({}) failed, attempt {} of {}: {}", partition, stageId, node, attempt,
            maxAttempts, cause.toString());
      }
    }
  }

  /**
   * One attempt of a task, the running task of its thread meanwhile: what it opened (its input files) is
   * closed when it ends, however it ends.
   */
  private static <T, U> U runAttempt(RunningTask task, RddNode<T> node, TaskFunction<T, U> function)
      throws Exception {
    TaskResources resources = TaskResources.open();
    RunningTask enclosing = task.begin();
    try {
      return function.apply(task.partitionId(), node.iterator(task.partitionId()));
    } finally {
      RunningTask.end(enclosing);
      resources.close();
    }
  }

  /** A job being run: its id, for messages, and the batch its tasks tell (null: none). */
  private record Job(int id, Time batchTime) {}
}

package io.dstream.internal.rdd;

import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.storage.internal.BlockManager;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The RDD engine of one context: the worker pool that runs tasks ({@code local[N]}), the block store that
 * holds received blocks and cached partitions, id counters, the defaults that shuffles and
 * {@code parallelize} use, and counters of the work done.
 */
public final class Engine {
  private final int workerThreads;
  private final Integer configuredParallelism;
  private final int maxTaskFailures;
  private final ExecutorService workers;
  private final JobRunner jobRunner;
  private final Supplier<BlockManager> blockStoreFactory;
  private final PartitionCache partitionCache;
  private final ValueCopier valueCopier;
  private volatile BlockManager blocks;
  private boolean closed;
  private final AtomicInteger rddIds = new AtomicInteger();
  private final AtomicInteger shuffleIds = new AtomicInteger();
  private volatile RunObserver observer = RunObserver.NONE;

  /**
   * Starts an engine with its worker threads.
   *
   * @param appName the application name, used in thread names
   * @param workerThreads how many tasks run at once
   * @param configuredParallelism {@code dstream.default.parallelism}, or null if unset
   * @param maxTaskFailures how many times a task may fail before its job fails
   * @param valueCopier copies zero values and combiners with the context's serializer
   * @param blockStoreFactory creates the block store when it is first needed (most contexts that neither
   *     receive nor persist never need one, and so create no directory)
   */
  public Engine(String appName, int workerThreads, Integer configuredParallelism, int maxTaskFailures,
      ValueCopier valueCopier, Supplier<BlockManager> blockStoreFactory) {
    this.blockStoreFactory = blockStoreFactory;
    this.valueCopier = valueCopier;
    this.partitionCache = new PartitionCache(this);
    this.workerThreads = workerThreads;
    this.configuredParallelism = configuredParallelism;
    this.maxTaskFailures = maxTaskFailures;
    AtomicInteger threadIds = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(workerThreads, runnable -> {
      Thread t = new WorkerThread(runnable, "dstream-" + appName + "-worker-" + threadIds.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.jobRunner = new JobRunner(this);
  }

  /**
   * Returns the partition count of a shuffle whose parents have the given largest partition count.
   *
   * @param largestParentPartitions the largest partition count among the shuffle's parents
   * @return {@code dstream.default.parallelism} if set, otherwise that count (at least 1)
   */
  public int defaultShufflePartitions(int largestParentPartitions) {
    return configuredParallelism != null ? configuredParallelism : Math.max(1, largestParentPartitions);
  }

  /**
   * Returns the partition count of {@code parallelize} when none is given.
   *
   * @return {@code dstream.default.parallelism} if set, otherwise the worker thread count
   */
  public int defaultParallelism() {
    return configuredParallelism != null ? configuredParallelism : workerThreads;
  }

  /**
   * Returns how many times a task may fail before its job fails.
   *
   * @return at least 1
   */
  public int maxTaskFailures() {
    return maxTaskFailures;
  }

  /**
   * Returns the job runner.
   *
   * @return the runner
   */
  public JobRunner jobRunner() {
    return jobRunner;
  }

  /**
   * Returns the block store of this context, creating it on first use.
   *
   * @return the block manager
   * @throws IllegalStateException if the engine was closed
   */
  public BlockManager blockManager() {
    BlockManager created = blocks;
    if (created != null) {
      return created;
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the block store is closed: its StreamingContext was stopped");
      }
      if (blocks == null) {
        blocks = blockStoreFactory.get();
      }
      return blocks;
    }
  }

  /**
   * Returns the block store if it was created and is still open, without creating it.
   *
   * @return the block manager, or empty
   */
  synchronized Optional<BlockManager> openBlockManager() {
    return closed ? Optional.empty() : Optional.ofNullable(blocks);
  }

  /**
   * Returns the cache of persisted datasets' partitions, kept in the {@link #blockManager() block store}.
   *
   * @return the partition cache
   */
  public PartitionCache partitionCache() {
    return partitionCache;
  }

  /**
   * Tells whether the engine was closed (its context stopped), so no more jobs can run.
   *
   * @return true once {@link #close(long)} has been called
   */
  public boolean isStopped() {
    return workers.isShutdown();
  }

  int workerThreads() {
    return workerThreads;
  }

  ExecutorService workers() {
    return workers;
  }

  int nextRddId() {
    return rddIds.getAndIncrement();
  }

  int nextShuffleId() {
    return shuffleIds.getAndIncrement();
  }

  void stageStarted() {
    observer.stageStarted();
  }

  void taskStarted() {
    observer.taskStarted();
  }

  /**
   * Reports the stages and task attempts started from now on to an observer, instead of the previous one.
   *
   * @param runs the observer; {@link RunObserver#NONE} to stop observing
   */
  public void observeRuns(RunObserver runs) {
    observer = Objects.requireNonNull(runs, "runs");
  }

  /**
   * Tells whether the current thread is one of this engine's workers (where a nested job must not wait
   * for a worker slot it is itself holding).
   *
   * @return true on a worker thread
   */
  static boolean onWorkerThread() {
    return Thread.currentThread() instanceof WorkerThread;
  }

  /**
   * Returns the copier of zero values and combiners, which copies with the context's serializer.
   *
   * @return the copier
   */
  public ValueCopier valueCopier() {
    return valueCopier;
  }

  /**
   * Returns the context's serializer (with which the value copier copies), for what writes records as bytes,
   * such as {@code saveAsObjectFile}.
   *
   * @return the serializer
   */
  public Serializer serializer() {
    return valueCopier.serializer();
  }

  /**
   * Stops the worker threads, interrupting running tasks, waits for them to end until the stop's deadline,
   * then closes the block store, deleting its blocks.
   *
   * @param deadlineNanos the stop's deadline, on the scale of {@link System#nanoTime()}
   */
  public void close(long deadlineNanos) {
    workers.shutdownNow();
    try {
      workers.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      closed = true;
      if (blocks != null) {
        blocks.close();
      }
    }
  }

  private static final class WorkerThread extends Thread {
    WorkerThread(Runnable runnable, String name) {
      super(runnable, name);
    }
  }
}

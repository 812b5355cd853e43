package io.dstream.internal.scheduler;

import io.dstream.Clock;
import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.internal.FatalErrors;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns clock ticks into batches. A {@link RecurringTimer} posts {@code GenerateJobs(time)} every batch
 * interval to a single event-loop thread, which owns the schedule: it allocates the blocks received so far
 * to the batch, generates the batch's jobs from the graph and submits them, and clears old RDDs when a batch
 * completes. After both it hands where the batches
 * stand to the {@link BatchCheckpointer}, if the context checkpoints. No other thread changes the graph's
 * per-batch state, so the loop needs no locks.
 *
 * <p>It starts either afresh ({@link #start}) or from a recovered schedule ({@link #restart}), which first
 * runs again the batches that the previous run left unfinished or missed while it was down.
 */
public final class JobGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(JobGenerator.class);

  private static final BatchCheckpointer NO_CHECKPOINTS = new BatchCheckpointer() {
    @Override
    public void checkpointStart(BatchSchedule schedule) {}

    @Override
    public void checkpoint(BatchSchedule schedule) {}

    @Override
    public void whenWritten(Consumer<BatchSchedule> listener) {}

    @Override
    public void close() {}
  };

  /** What the event loop is asked to do. */
  private sealed interface Event permits GenerateJobs, ProcessReceivedBlocks, BatchCompleted, CheckpointWritten, Barrier,
      Shutdown {}

  private record GenerateJobs(Time time) implements Event {}

  /** A graceful stop: put the blocks that no batch has taken yet into one more batch. */
  private record ProcessReceivedBlocks() implements Event {}

  private record BatchCompleted(BatchOutcome outcome) implements Event {}

  /** A metadata checkpoint that recorded this schedule is durably written. */
  private record CheckpointWritten(BatchSchedule durable) implements Event {}

  private record Barrier(CountDownLatch reached) implements Event {}

  private record Shutdown() implements Event {}

  private final DStreamGraph graph;
  private final JobScheduler scheduler;
  private final Clock clock;
  private final BlockAllocator blockAllocator;
  private final Duration batchDuration;
  private final RecurringTimer timer;
  private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread eventLoop;
  private final Object barrierLock = new Object();
  private final BatchLedger ledger = new BatchLedger();
  private final FailureHandler failures;
  private volatile BatchCheckpointer checkpointer = NO_CHECKPOINTS;
  private boolean loopEnded;

  /**
   * Creates the generator.
   *
   * @param appName the application name, for thread names
   * @param graph the graph to generate jobs from
   * @param scheduler where generated jobs go
   * @param clock the clock that drives the batches
   * @param blockAllocator allocates received blocks to each batch before its jobs are generated
   * @param failures told of a fatal error, which ends batch generation (see {@link FatalErrors})
   */
  public JobGenerator(String appName, DStreamGraph graph, JobScheduler scheduler, Clock clock,
      BlockAllocator blockAllocator, FailureHandler failures) {
    this.failures = failures;
    this.graph = graph;
    this.scheduler = scheduler;
    this.clock = clock;
    this.blockAllocator = blockAllocator;
    this.batchDuration = graph.batchDuration();
    this.timer = new RecurringTimer(clock, batchDuration.milliseconds(),
        time -> events.add(new GenerateJobs(new Time(time))), "dstream-" + appName + "-timer");
    this.eventLoop = new Thread(this::loop, "dstream-" + appName + "-job-generator");
    this.eventLoop.setDaemon(true);
  }

  /**
   * Starts the batches afresh: the first batch time is the first multiple of the batch duration after the
   * clock's current time; the graph's zero time is one batch before it.
   *
   * @param onStarted run once the graph is validated and before the first batch can be generated
   * @param batchCheckpointer receives the schedule at start and after every batch, or null if the context
   *     does not checkpoint
   * @return the first batch time
   * @throws IllegalArgumentException if the graph's durations do not fit the batch duration
   * @throws IllegalStateException if the checkpoint of the start cannot be written
   */
  public Time start(Runnable onStarted, BatchCheckpointer batchCheckpointer) {
    long first = timer.nextStartTime();
    Time zero = new Time(first).minus(batchDuration);
    graph.start(zero, clock.getTimeMillis());
    ledger.start(zero);
    if (batchCheckpointer != null) {
      batchCheckpointer.checkpointStart(ledger.schedule());
    }
    return startLoop(onStarted, batchCheckpointer, List.of(), new Time(first));
  }

  /**
   * Starts from a recovered schedule: keeps its zero time, lets {@code restoreState} put the recovered
   * progress and state into the initialized graph, then generates again, in time order, every batch of
   * {@link #timesToRerun(BatchSchedule)}, and goes on from the first batch time after now.
   *
   * @param onStarted run once the graph is validated and before the first batch can be generated
   * @param batchCheckpointer receives the schedule after every batch, or null
   * @param recovered the schedule of the previous run's newest intact checkpoint
   * @param restoreState restores the streams' recovered progress and state; runs on the caller's thread
   * @return the first batch time after the batches run again
   * @throws IllegalArgumentException if the graph's durations do not fit the batch duration
   * @throws RuntimeException whatever {@code restoreState} throws
   */
  public Time restart(Runnable onStarted, BatchCheckpointer batchCheckpointer, BatchSchedule recovered,
      Runnable restoreState) {
    Time restartTime = restartTime(recovered);
    List<Time> rerun = recovered.timesToRerun(restartTime, batchDuration);
    graph.start(recovered.zeroTime(), clock.getTimeMillis());
    restoreState.run();
    ledger.resume(recovered);
    LOG.info("Recovered a run that had generated the batches up to {}: running again the batches {}, then "
        + "going on at {}", recovered.lastGeneratedTime(), rerun, restartTime);
    return startLoop(onStarted, batchCheckpointer, rerun, restartTime);
  }

  /**
   * Returns the batches {@link #restart} would run again if it were called now: the recovered schedule's
   * unfinished batches and the batches missed between its latest batch and now.
   *
   * @param recovered the recovered schedule
   * @return the batch times, ascending
   */
  public List<Time> timesToRerun(BatchSchedule recovered) {
    return recovered.timesToRerun(restartTime(recovered), batchDuration);
  }

  /** The first batch time after now, and never one that the recovered run generated already. */
  private Time restartTime(BatchSchedule recovered) {
    return new Time(timer.nextStartTime()).max(recovered.lastGeneratedTime().plus(batchDuration));
  }

  private Time startLoop(Runnable onStarted, BatchCheckpointer batchCheckpointer, List<Time> rerun, Time first) {
    if (batchCheckpointer != null) {
      checkpointer = batchCheckpointer;
      batchCheckpointer.whenWritten(durable -> events.add(new CheckpointWritten(durable)));
    }
    onStarted.run();
    for (Time time : rerun) {
      events.add(new GenerateJobs(time));
    }
    eventLoop.start();
    timer.start(first.milliseconds());
    return first;
  }

  /**
   * Called by the scheduler when every job of a batch has ended.
   *
   * @param outcome the batch's time and first failure
   */
  public void onBatchCompleted(BatchOutcome outcome) {
    events.add(new BatchCompleted(outcome));
  }

  /**
   * Stops generating batches.
   *
   * @param graceful true to first generate the batches whose time has already come and then, if received
   *     blocks are still waiting for a batch (the receivers must have stopped by now), one more batch at the
   *     next batch time that takes them; false to drop the batches not generated yet
   */
  public void stop(boolean graceful) {
    timer.stop(graceful);
    if (graceful) {
      events.add(new ProcessReceivedBlocks());
    } else {
      events.removeIf(e -> e instanceof GenerateJobs);
    }
    events.add(new Shutdown());
    if (Thread.currentThread() != eventLoop && eventLoop.isAlive()) {
      try {
        eventLoop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Accounts for the batches that completed after the event loop ended (the jobs a stop waited for), then
   * writes the last checkpoint and releases the checkpoint writer. Call it once, after {@link #stop} and after
   * the jobs have ended; it runs on the caller's thread, which then owns the schedule (the loop is gone).
   */
  public void finish() {
    if (Thread.currentThread() != eventLoop && eventLoop.isAlive()) {
      // A stop called from the loop itself did not wait for it to end; the schedule is the loop's until then.
      try {
        eventLoop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        checkpointer.close();
        return;
      }
    }
    List<Event> left = new ArrayList<>();
    events.drainTo(left);
    boolean completedAny = false;
    for (Event event : left) {
      if (event instanceof BatchCompleted completed) {
        completeBatch(completed.outcome());
        completedAny = true;
      } else if (event instanceof Barrier barrier) {
        barrier.reached().countDown();
      }
    }
    if (completedAny) {
      checkpointer.checkpoint(ledger.schedule());
    }
    checkpointer.close();
    // The checkpoints written meanwhile, the last one included, let the receivers' logs drop what they record.
    left.clear();
    events.drainTo(left);
    for (Event event : left) {
      if (event instanceof CheckpointWritten written) {
        blockAllocator.checkpointWritten(written.durable());
      }
    }
  }

  /**
   * Waits until every event posted before this call (batches to generate, batches completed) has been
   * handled, including handing the schedule to the checkpointer.
   *
   * @param timeoutMillis how long to wait at most
   * @return true if handled (or dropped by a stop), false on timeout or if the generator is not running
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitEventsHandled(long timeoutMillis) throws InterruptedException {
    CountDownLatch reached = new CountDownLatch(1);
    synchronized (barrierLock) {
      if (loopEnded || !eventLoop.isAlive()) {
        return false;
      }
      events.add(new Barrier(reached));
    }
    return reached.await(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private void loop() {
    try {
      while (true) {
        Event event = events.take();
        if (event instanceof Shutdown) {
          return;
        }
        try {
          handle(event);
        } catch (VirtualMachineError e) {
          timer.stop(false);
          failures.fatalError("the job generator, handling " + event, e);
          return;
        } catch (Throwable e) {
          // One bad event must not end batch generation for the life of the context.
          LOG.error("The job generator could not handle {}; it goes on with the next event", event, e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      releaseWaitersAfterLoopEnd();
    }
  }

  private void handle(Event event) {
    if (event instanceof GenerateJobs e) {
      generateJobs(e.time());
      checkpointer.checkpoint(ledger.schedule());
    } else if (event instanceof ProcessReceivedBlocks) {
      if (generateBatchForWaitingBlocks()) {
        checkpointer.checkpoint(ledger.schedule());
      }
    } else if (event instanceof BatchCompleted e) {
      completeBatch(e.outcome());
      checkpointer.checkpoint(ledger.schedule());
    } else if (event instanceof CheckpointWritten e) {
      blockAllocator.checkpointWritten(e.durable());
    } else if (event instanceof Barrier e) {
      e.reached().countDown();
    }
  }

  private void completeBatch(BatchOutcome outcome) {
    Time time = outcome.time();
    ledger.completed(time, outcome.failure() == null);
    graph.clearMetadata(ledger.clearableUpTo(time, batchDuration));
    blockAllocator.deleteForgottenBlocks(ledger.unfinished());
    graph.forgetInputProgress(time, ledger.unfinished());
  }

  /**
   * Tells whether a thread is the generator's event loop (where a stop must not wait for the loop).
   *
   * @param candidate the thread
   * @return true for the event-loop thread
   */
  public boolean isEventLoopThread(Thread candidate) {
    return candidate == eventLoop;
  }

  /** Releases whoever waits for events that the ended loop will never handle. */
  private void releaseWaitersAfterLoopEnd() {
    synchronized (barrierLock) {
      loopEnded = true;
    }
    for (Event event : events) {
      if (event instanceof Barrier barrier) {
        barrier.reached().countDown();
      }
    }
  }

  private void generateJobs(Time time) {
    List<Job> jobs;
    try {
      blockAllocator.allocateBlocksToBatch(time);
      jobs = graph.generateJobs(time);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      // The scheduler runs these failing jobs like any others: listeners, logs and awaitTermination see the
      // batch fail with the user's exception.
      jobs = graph.failedJobs(time, e);
    }
    ledger.generated(time);
    LOG.debug("Generated {} jobs for batch {}", jobs.size(), time);
    scheduler.submitJobSet(new JobSet(time, jobs, graph.recordCounts(time)));
  }

  /**
   * Generates the batch after the last one if received blocks wait for a batch. It is generated at once,
   * before the clock reaches its time, so that a graceful stop does not wait up to a batch interval (nor,
   * on a manual clock, forever) for the data already received.
   *
   * @return true if a batch was generated
   */
  private boolean generateBatchForWaitingBlocks() {
    if (!blockAllocator.hasUnallocatedBlocks()) {
      return false;
    }
    Time next = ledger.lastGenerated().plus(batchDuration);
    LOG.info("Generating batch {} now for the blocks received before the graceful stop", next);
    generateJobs(next);
    return true;
  }
}

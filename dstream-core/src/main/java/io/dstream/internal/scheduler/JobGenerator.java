package io.dstream.internal.scheduler;

import io.dstream.Clock;
import io.dstream.ConfigKeys;
import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.checkpoint.internal.FatalErrors;
import io.dstream.checkpoint.internal.Lifecycle;
import io.dstream.internal.rdd.BatchJobScope;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.Job;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns clock ticks into batches. A {@link RecurringTimer} posts {@code GenerateJobs(time)} every batch
 * interval to a single event-loop thread, which owns the schedule: it allocates the blocks received so far
 * to the batch, generates the batch's jobs from the graph and submits them, and clears old RDDs when a batch
 * completes. After both it hands where the batches stand to the {@link BatchCheckpointer}, if the context
 * checkpoints. No other thread changes the schedule, so the loop needs no locks.
 *
 * <p>The loop does no work on data: when a batch's jobs have ended, the job thread that ended them first
 * completes the batch's local checkpoints and state snapshots ({@link DStreamGraph#completeBatch}), and only
 * then tells the loop, so a metadata checkpoint never records a batch as complete before the data it
 * refers to is durable, and batch generation never waits behind that work.
 *
 * <p>A batch is <em>settled</em> when its jobs have ended, its completion is handled (old RDDs cleared), the
 * metadata checkpoint that records it is written (or has failed to be), and every listener event posted until
 * then is delivered: {@link #whenSettled} is that one signal.
 *
 * <p>It starts either afresh ({@link #start}) or from a recovered schedule ({@link #restart}), which first
 * runs again the batches that the previous run left unfinished or missed while it was down.
 */
public final class JobGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(JobGenerator.class);
  // After a long outage thousands of batches may be queued: generating them in groups keeps each checkpoint small.
  private static final int MAX_BATCHES_GENERATED_TOGETHER = 64;

  private static final BatchCheckpointer NO_CHECKPOINTS = new BatchCheckpointer() {
    @Override
    public void checkpointStart(BatchSchedule schedule) {}

    @Override
    public CompletableFuture<Boolean> checkpoint(BatchSchedule schedule) {
      return CompletableFuture.completedFuture(false);
    }

    @Override
    public void whenWritten(Consumer<BatchSchedule> listener) {}

    @Override
    public void close(long deadlineNanos) {}
  };

  /** CREATED, RUNNING (the event loop runs), LOOP_ENDED (stopped, or ended by a fatal error), FINISHED. */
  private enum GeneratorState implements Lifecycle.State<GeneratorState> {
    CREATED, RUNNING, LOOP_ENDED, FINISHED;

    @Override
    public Set<GeneratorState> next() {
      return switch (this) {
        case CREATED -> EnumSet.of(RUNNING, FINISHED);
        case RUNNING -> EnumSet.of(LOOP_ENDED);
        case LOOP_ENDED -> EnumSet.of(FINISHED);
        case FINISHED -> EnumSet.noneOf(GeneratorState.class);
      };
    }
  }

  /** What the event loop is asked to do. */
  private sealed interface Event permits GenerateJobs, ProcessReceivedBlocks, BatchCompleted, CheckpointWritten,
      Shutdown {}

  private record GenerateJobs(Time time) implements Event {}

  /** A graceful stop: put the blocks that no batch has taken yet into one more batch. */
  private record ProcessReceivedBlocks() implements Event {}

  private record BatchCompleted(BatchOutcome outcome) implements Event {}

  /** A metadata checkpoint that recorded this schedule is durably written. */
  private record CheckpointWritten(BatchSchedule durable) implements Event {}

  private record Shutdown() implements Event {}

  private final DStreamGraph graph;
  private final JobScheduler scheduler;
  private final ListenerBus bus;
  private final Clock clock;
  private final BlockAllocator blockAllocator;
  private final Duration batchDuration;
  private final RecurringTimer timer;
  private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread eventLoop;
  private final BatchLedger ledger = new BatchLedger();
  private final FailureHandler failures;
  private final Lifecycle<GeneratorState> lifecycle = new Lifecycle<>("the job generator", GeneratorState.CREATED);
  private final Map<Time, CompletableFuture<BatchOutcome>> settledWaiters = new ConcurrentHashMap<>();
  private final List<Consumer<Time>> beforeGeneration = new CopyOnWriteArrayList<>();
  private volatile BatchCheckpointer checkpointer = NO_CHECKPOINTS;
  // Set at start, read by the event loop only: whether a batch's jobs wait for the checkpoint of its generation.
  private boolean jobsWaitForCheckpoint;
  // Set by a stop that does not wait for the batches: ends a wait for a checkpoint write that does not come.
  private volatile boolean stopRequested;

  /**
   * Creates the generator.
   *
   * @param appName the application name, for thread names
   * @param graph the graph to generate jobs from
   * @param scheduler where generated jobs go; it reports their batches' completion to this generator from
   *     its start
   * @param bus the listener bus, whose delivery a batch waits for to be settled
   * @param clock the clock that drives the batches
   * @param blockAllocator allocates received blocks to each batch before its jobs are generated
   * @param failures told of a fatal error, which ends batch generation (see {@link FatalErrors})
   */
  public JobGenerator(String appName, DStreamGraph graph, JobScheduler scheduler, ListenerBus bus, Clock clock,
      BlockAllocator blockAllocator, FailureHandler failures) {
    this.failures = failures;
    this.graph = graph;
    this.scheduler = scheduler;
    this.bus = bus;
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
      jobsWaitForCheckpoint = graph.requiresDurableGeneration();
    }
    scheduler.start(this::batchEnded);
    onStarted.run();
    for (Time time : rerun) {
      events.add(new GenerateJobs(time));
    }
    lifecycle.moveTo(GeneratorState.RUNNING);
    eventLoop.start();
    timer.start(first.milliseconds());
    return first;
  }

  /**
   * Where the scheduler reports that every job of a batch has ended, on the job thread that ended the last:
   * the work on the batch's data is done here, off the event loop, before the loop learns of the batch.
   */
  private void batchEnded(BatchOutcome outcome) {
    try {
      graph.completeBatch(outcome.time());
    } catch (VirtualMachineError e) {
      failures.fatalError("completing batch " + outcome.time(), e);
    } catch (RuntimeException e) {
      // The streams log their own snapshot and checkpoint failures; anything else is the engine's bug, and
      // the batch still completes so that the schedule goes on.
      LOG.error("Completing the work on batch {}'s data failed", outcome.time(), e);
    } finally {
      events.add(new BatchCompleted(outcome));
    }
  }

  /**
   * Adds work to do on the event loop before each batch is generated, outside every stream's lock (a
   * scale-out instance asks its consumer group which partitions it owns, which may wait for the previous
   * batch's commit). A hook that throws fails the batch like a failing stream does.
   *
   * @param hook called with each batch time
   */
  public void beforeEachBatch(Consumer<Time> hook) {
    beforeGeneration.add(hook);
  }

  /**
   * Returns a future that completes once the batch at {@code time} is settled (see the class comment), with
   * the batch's outcome. Ask before the batch can end (before moving a manual clock past it). A batch that
   * will never settle because the context stopped first gets a cancelled future, once the stop is over.
   *
   * @param time the batch time
   * @return the batch's outcome, once settled
   */
  public CompletableFuture<BatchOutcome> whenSettled(Time time) {
    if (lifecycle.is(GeneratorState.FINISHED)) {
      CompletableFuture<BatchOutcome> never = new CompletableFuture<>();
      never.cancel(false);
      return never;
    }
    CompletableFuture<BatchOutcome> waiter = settledWaiters.computeIfAbsent(time, t -> new CompletableFuture<>());
    if (lifecycle.is(GeneratorState.FINISHED)) {
      // cancelUnsettled may have run between the check above and the registration.
      waiter.cancel(false);
    }
    return waiter;
  }

  /**
   * Waits for the event loop to end, at most until the stop's deadline.
   *
   * @return true if the loop has ended (or this is the loop's own thread, which cannot wait for itself and
   *     owns the schedule anyway); false if the deadline came first or the wait was interrupted, in which case
   *     the loop still owns the schedule and the caller must leave it alone
   */
  private boolean awaitLoopEnd(long deadlineNanos) {
    if (Thread.currentThread() == eventLoop) {
      return true;
    }
    try {
      long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
      eventLoop.join(Math.max(1, leftMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (eventLoop.isAlive()) {
      LOG.warn("The job generator's event loop did not end by the stop's deadline ({}); the stop goes on "
          + "without it, and batches it still generates are not checkpointed", ConfigKeys.STOP_TIMEOUT.name());
      return false;
    }
    return true;
  }

  /**
   * Settles the completed batches once the checkpoint that records them is durable and the listener events
   * posted until then are delivered.
   */
  private void settleWhenWritten(List<BatchOutcome> completed, CompletableFuture<Boolean> checkpointWritten) {
    for (BatchOutcome outcome : completed) {
      CompletableFuture<BatchOutcome> waiter = settledWaiters.remove(outcome.time());
      if (waiter != null) {
        checkpointWritten.whenComplete((written, error) -> bus.afterDelivered(() -> waiter.complete(outcome)));
      }
    }
  }

  /**
   * Cancels the waits for batches that never settled; call it when the stop is over (after the listener bus
   * has delivered its last events).
   */
  public void cancelUnsettled() {
    settledWaiters.values().forEach(waiter -> waiter.cancel(false));
    settledWaiters.clear();
  }

  /**
   * Stops generating batches, and waits until the event loop has ended or the stop's deadline has come.
   *
   * @param graceful true to first generate the batches whose time has already come and then, if received
   *     blocks are still waiting for a batch (the receivers must have stopped by now), one more batch at the
   *     next batch time that takes them; false to drop the batches not generated yet
   * @param deadlineNanos the stop's deadline, on the scale of {@link System#nanoTime()}
   */
  public void stop(boolean graceful, long deadlineNanos) {
    stopRequested = !graceful;
    timer.stop(graceful);
    if (graceful) {
      events.add(new ProcessReceivedBlocks());
    } else {
      events.removeIf(e -> e instanceof GenerateJobs);
    }
    events.add(new Shutdown());
    awaitLoopEnd(deadlineNanos);
  }

  /**
   * Accounts for the batches that completed after the event loop ended (the jobs a stop waited for), then
   * writes the last checkpoint and releases the checkpoint writer. Call it once, after {@link #stop} and after
   * the jobs have ended; it runs on the caller's thread, which then owns the schedule (the loop is gone).
   *
   * @param deadlineNanos the stop's deadline, on the scale of {@link System#nanoTime()}: how long the last
   *     checkpoint may take to be written
   */
  public void finish(long deadlineNanos) {
    // A stop called from the loop itself did not wait for it to end; the schedule is the loop's until then.
    if (!awaitLoopEnd(deadlineNanos)) {
      checkpointer.close(deadlineNanos);
      lifecycle.tryMoveTo(GeneratorState.FINISHED);
      return;
    }
    lifecycle.tryMoveTo(GeneratorState.LOOP_ENDED);
    List<Event> left = new ArrayList<>();
    events.drainTo(left);
    List<BatchOutcome> completed = new ArrayList<>();
    for (Event event : left) {
      if (event instanceof BatchCompleted batch) {
        completeBatch(batch.outcome());
        completed.add(batch.outcome());
      }
    }
    if (!completed.isEmpty()) {
      settleWhenWritten(completed, checkpointSchedule());
    }
    checkpointer.close(deadlineNanos);
    lifecycle.tryMoveTo(GeneratorState.FINISHED);
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
   * Tells whether the event loop runs: false before start, and once it has ended (after a stop, or a fatal
   * error on the loop).
   *
   * @return true while the loop runs
   */
  public boolean isRunning() {
    return lifecycle.is(GeneratorState.RUNNING);
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
          settleAfterFailure(event);
          failures.fatalError("the job generator, handling " + event, e);
          return;
        } catch (Throwable e) {
          // One bad event must not end batch generation for the life of the context.
          LOG.error("The job generator could not handle {}; it goes on with the next event", event, e);
          settleAfterFailure(event);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lifecycle.tryMoveTo(GeneratorState.LOOP_ENDED);
    }
  }

  /** A completed batch whose clearing or checkpoint failed will not get them: no one must wait for them. */
  private void settleAfterFailure(Event event) {
    if (event instanceof BatchCompleted batch) {
      settleWhenWritten(List.of(batch.outcome()), CompletableFuture.completedFuture(null));
    }
  }

  private void handle(Event event) {
    if (event instanceof GenerateJobs e) {
      generateAndSubmit(withQueuedBatchTimes(e.time()));
    } else if (event instanceof ProcessReceivedBlocks) {
      generateBatchForWaitingBlocks();
    } else if (event instanceof BatchCompleted e) {
      completeBatch(e.outcome());
      settleWhenWritten(List.of(e.outcome()), checkpointSchedule());
    } else if (event instanceof CheckpointWritten e) {
      blockAllocator.checkpointWritten(e.durable());
    }
  }

  /**
   * Hands where the batches stand to the checkpointer. A context that does not checkpoint gets no schedule
   * built: it copies every unfinished batch, twice per batch, which a backlog of batches made grow with it.
   */
  private CompletableFuture<Boolean> checkpointSchedule() {
    BatchCheckpointer current = checkpointer;
    return current == NO_CHECKPOINTS ? CompletableFuture.completedFuture(false)
        : current.checkpoint(ledger.schedule());
  }

  private void completeBatch(BatchOutcome outcome) {
    Time time = outcome.time();
    ledger.completed(time, outcome.failure() == null);
    graph.clearMetadata(ledger.clearableUpTo(time, batchDuration));
    Set<Time> needed = graph.neededByRecovery(time, ledger.unfinished());
    blockAllocator.deleteForgottenBlocks(needed);
    graph.forgetInputProgress(time, needed);
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

  /**
   * Returns a batch time and the times of the batches queued right behind it: after a restart, the batches run
   * again are all queued at once, and so are the batches of a loop that fell behind.
   */
  private List<Time> withQueuedBatchTimes(Time first) {
    List<Time> times = new ArrayList<>();
    times.add(first);
    // An instance of a scale-out application generates a batch only once the batches before it are committed
    // (its partitions may move in between), so it cannot generate two before submitting the first.
    int max = graph.scaleOutApplication().isPresent() ? 1 : MAX_BATCHES_GENERATED_TOGETHER;
    while (times.size() < max && events.peek() instanceof GenerateJobs next
        && events.remove(next)) {
      times.add(next.time());
    }
    return times;
  }

  /**
   * Generates the batches' jobs, hands the schedule that records them to the checkpoint, and submits the jobs:
   * at once, or, where an input requires it, once that checkpoint is durable (see {@link #awaitDurable}). Several
   * batches generated together share one checkpoint, and one wait for it: a restart that runs many batches again
   * gets their jobs going, and its first completions recorded, after one write instead of one per batch.
   */
  private void generateAndSubmit(List<Time> times) {
    List<JobSet> jobSets = new ArrayList<>(times.size());
    times.forEach(time -> jobSets.add(generateJobs(time)));
    CompletableFuture<Boolean> written;
    try {
      written = checkpointSchedule();
    } catch (RuntimeException e) {
      // The batches are generated: they must run (or be refused by awaitDurable), not be lost with the event.
      LOG.error("Could not capture the metadata checkpoint of batches {}", times, e);
      written = CompletableFuture.completedFuture(false);
    }
    for (JobSet jobSet : jobSets) {
      scheduler.submitJobSet(jobsWaitForCheckpoint ? awaitDurable(jobSet, written) : jobSet);
    }
  }

  private JobSet generateJobs(Time time) {
    List<Job> jobs;
    try {
      blockAllocator.allocateBlocksToBatch(time);
      for (Consumer<Time> hook : beforeGeneration) {
        hook.accept(time);
      }
      // Jobs that generation runs (a transform's sortByKey samples its keys) belong to the batch too.
      BatchJobScope batch = BatchJobScope.enter(time);
      try {
        jobs = graph.generateJobs(time);
      } finally {
        batch.close();
      }
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      // The scheduler runs these failing jobs like any others: listeners, logs and awaitTermination see the
      // batch fail with the user's exception.
      jobs = graph.failedJobs(time, e);
    }
    ledger.generated(time);
    LOG.debug("Generated {} jobs for batch {}", jobs.size(), time);
    return new JobSet(time, jobs, graph.recordCounts(time));
  }

  /**
   * Waits for a checkpoint write, one batch interval at a time: a write slower than that is logged once (a hung
   * file system would otherwise stall batch generation without a word), and a stop that does not wait for the
   * batches ends the wait.
   *
   * @return true if the checkpoint was written
   */
  private boolean awaitWritten(Time batch, CompletableFuture<Boolean> written) {
    long sliceMillis = Math.max(1, batchDuration.milliseconds());
    long waitedMillis = 0;
    while (true) {
      try {
        return written.get(sliceMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (ExecutionException e) {
        return false;
      } catch (TimeoutException e) {
        waitedMillis += sliceMillis;
        if (stopRequested) {
          return false;
        }
        if (waitedMillis == sliceMillis) {
          LOG.warn("Batch {} waits for the metadata checkpoint of its generation, which has taken over {} ms to "
              + "write: its jobs start once it is written, and no later batch is generated meanwhile; check the "
              + "checkpoint directory's file system", batch, sliceMillis);
        }
      }
    }
  }

  /**
   * Waits, on the event loop, until the checkpoint that records a batch's generation is written, and returns
   * the batch's jobs; if it could not be written, jobs that fail the batch instead. An input that decides a
   * batch's data at generation requires this ({@code RecoverableInput.requiresDurableGeneration}): output that
   * commits the batch exactly once must never commit data that a restart would not read again. The loop
   * waits, rather than submitting later from the writer's thread, so that the batches stay in order and a
   * stop finds every generated batch submitted.
   */
  private JobSet awaitDurable(JobSet jobSet, CompletableFuture<Boolean> written) {
    if (awaitWritten(jobSet.time(), written)) {
      return jobSet;
    }
    IllegalStateException refused = new IllegalStateException("batch " + jobSet.time() + " does not run: the "
        + "metadata checkpoint that records the data it reads was not written (the first failure of a series is "
        + "logged at ERROR by the checkpoint writer or the job generator; or the context was stopping), and its "
        + "output must not be committed before a restart could read the same data again; check the checkpoint "
        + "directory's file system");
    return new JobSet(jobSet.time(), graph.failedJobs(jobSet.time(), refused), jobSet.streamIdToNumRecords());
  }

  /**
   * Generates the batch after the last one if received blocks wait for a batch. It is generated at once,
   * before the clock reaches its time, so that a graceful stop does not wait up to a batch interval (nor,
   * on a manual clock, forever) for the data already received.
   */
  private void generateBatchForWaitingBlocks() {
    if (blockAllocator.hasUnallocatedBlocks()) {
      Time next = ledger.lastGenerated().plus(batchDuration);
      LOG.info("Generating batch {} now for the blocks received before the graceful stop", next);
      generateAndSubmit(List.of(next));
    }
  }
}

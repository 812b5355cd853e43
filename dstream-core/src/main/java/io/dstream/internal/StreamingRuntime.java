package io.dstream.internal;

import io.dstream.Clock;
import io.dstream.ConfigKeys;
import io.dstream.Duration;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.StreamingContextState;
import io.dstream.Time;
import io.dstream.checkpoint.internal.Lifecycle;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.checkpoint.MetadataCheckpointer;
import io.dstream.internal.durable.CheckpointDirectory;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.ValueCopier;
import io.dstream.internal.receiver.ReceiverTracker;
import io.dstream.internal.scaleout.BatchCommitter;
import io.dstream.internal.scheduler.AbandonedBatches;
import io.dstream.internal.scheduler.BatchOutcome;
import io.dstream.internal.scheduler.BatchSchedule;
import io.dstream.internal.scheduler.FailureHandler;
import io.dstream.internal.scheduler.JobGenerator;
import io.dstream.internal.scheduler.JobScheduler;
import io.dstream.internal.scheduler.ListenerBus;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.StateEnvironment;
import io.dstream.rdd.JobFailedException;
import io.dstream.scheduler.StreamingListenerEvent;
import io.dstream.scheduler.StreamingListenerStreamingStarted;
import io.dstream.storage.internal.BlockManager;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one {@link io.dstream.StreamingContext} runs on, wired together, and its lifecycle:
 * the RDD engine, the DStream graph, the receivers, the job generator and scheduler, the listener bus, and
 * the {@link RunOutcome} that {@code awaitTermination} reports.
 */
public final class StreamingRuntime implements BatchProgress {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingRuntime.class);
  private static final long MIN_DEFAULT_MAX_RECEIVED_BYTES = 64L << 20;

  private final StreamingConf conf;
  private final Clock clock;
  private final Engine engine;
  private final DStreamGraph graph;
  private final ListenerBus bus;
  private final JobScheduler scheduler;
  private final JobGenerator generator;
  private final Serializer serializer;
  private final ReceiverTracker receivers;
  private final Object lock = new Object();
  private final RuntimeCheckpoints checkpoints;
  private final RunOutcome outcome = new RunOutcome();
  private final ContextResources resources = new ContextResources();
  private final RuntimeExtensions extensions;
  private final RuntimeStatus status;
  private volatile String uiWebUrl;
  private final Lifecycle<RuntimeState> lifecycle = new Lifecycle<>("the StreamingContext", RuntimeState.INITIALIZED);

  /**
   * Creates the runtime; starts the worker threads (so RDDs can be used before start) but no batches.
   *
   * @param conf the configuration (already copied)
   * @param batchDuration the batch interval
   * @param clock the clock that drives batches
   * @throws IllegalArgumentException if the Kryo registrator of {@code dstream.kryo.registrator} cannot be
   *     loaded or fails
   */
  public StreamingRuntime(StreamingConf conf, Duration batchDuration, Clock clock) {
    this.conf = conf;
    this.clock = clock;
    // First: a registrator that cannot be loaded fails the creation before any thread starts.
    this.serializer = conf.serializer();
    String app = conf.appName();
    this.engine = new Engine(app, conf.workerThreads(), conf.get(ConfigKeys.DEFAULT_PARALLELISM),
        conf.get(ConfigKeys.TASK_MAX_FAILURES),
        new ValueCopier(serializer, conf.get(ConfigKeys.SERIALIZER_REGISTRATION_REQUIRED)), this::openBlockStore);
    this.graph = new DStreamGraph(batchDuration, conf.get(ConfigKeys.APPLICATION_ID));
    FailureHandler failures = new FailureHandler() {
      @Override
      public void jobFailed(JobFailedException failure) {
        reportError(failure);
      }

      @Override
      public void fatalError(String where, VirtualMachineError error) {
        reportFatal(where, error);
      }
    };
    this.bus = new ListenerBus(app, conf.get(ConfigKeys.LISTENER_BUS_CAPACITY), failures);
    this.scheduler = new JobScheduler(app, conf.get(ConfigKeys.CONCURRENT_JOBS), clock, bus, failures);
    this.receivers = new ReceiverTracker(conf, graph, engine, bus, clock, serializer, failures);
    this.generator = new JobGenerator(app, graph, scheduler, bus, clock, receivers, failures);
    this.checkpoints = new RuntimeCheckpoints(conf, graph, receivers, generator, serializer);
    this.extensions = RuntimeExtensions.onClassPath();
    this.status = new RuntimeStatus(graph, receivers, bus);
    if (graph.scaleOutApplication().isPresent()) {
      scheduler.addCommitter((time, failure) -> {
        if (failure == null) {
          graph.prepareCommit(time);
        }
      }, BatchCommitter.Phase.PREPARE);
    }
  }

  /** Creates the block store of received blocks and cached partitions; the engine calls it on first use. */
  private BlockManager openBlockStore() {
    double fraction = conf.get(ConfigKeys.STORAGE_MEMORY_FRACTION);
    long perReplica = (long) (Runtime.getRuntime().maxMemory() * fraction / 2);
    Long maxReceived = conf.get(ConfigKeys.STORAGE_MAX_RECEIVED_BYTES);
    // By default as much again of received data may spill to disk as the memory of both replicas holds.
    long bound = maxReceived != null ? maxReceived : Math.max(MIN_DEFAULT_MAX_RECEIVED_BYTES, 4 * perReplica);
    return BlockManager.inTemporaryDirectory(perReplica, bound, serializer);
  }

  /**
   * Starts generating batches, after the {@link RuntimeExtension}s that the configuration turns on.
   *
   * @param context the public context of this runtime, handed to the extensions
   * @throws IllegalStateException if already started or stopped, if no output operation is defined, if the
   *     receivers' write-ahead log is on without a checkpoint directory, or if an extension that the
   *     configuration turns on is missing or fails to start (the context is then stopped)
   * @throws IllegalArgumentException if a stream's durations do not fit the batch duration (the context is
   *     then stopped)
   */
  public void start(StreamingContext context) {
    RuntimeException startFailure = null;
    // The lock makes a stop called meanwhile wait until the start has succeeded or failed.
    synchronized (lock) {
      Lifecycle.checkMove("the StreamingContext", lifecycle.current(), RuntimeState.ACTIVE);
      if (!graph.hasOutputs()) {
        throw new IllegalStateException("no output operations are registered, so there is nothing to run; "
            + "add one (print(), foreachRDD(...), saveAsTextFiles(...)) before start()");
      }
      checkScaleOut();
      bus.start();
      try {
        // Before the started event, so that an extension's listeners see every event.
        extensions.startEnabled(context, conf, resources);
        // Run before the first tick can fire: the started event precedes every batch and receiver event.
        Time firstBatch = checkpoints.startGenerator(() -> {
          receivers.prepare(checkpointDirectory());
          bus.post(new StreamingListenerStreamingStarted(clock.getTimeMillis()));
          receivers.startReceivers();
        });
        lifecycle.moveTo(RuntimeState.ACTIVE);
        LOG.info("StreamingContext started: batches every {}, first batch at {}, {} worker threads",
            graph.batchDuration(), firstBatch, conf.workerThreads());
      } catch (RuntimeException e) {
        lifecycle.moveTo(RuntimeState.STOPPING);
        graph.freeze();
        startFailure = e;
      }
    }
    if (startFailure != null) {
      scheduler.shutdown(false);
      finishStop(false, stopDeadline());
      throw startFailure;
    }
  }

  /**
   * Refuses, in a scale-out application, what would break its model: a checkpoint directory (offsets live in the
   * consumer group and state in changelog topics, so a per-instance checkpoint would disagree with them) and
   * concurrent jobs (each batch is one transaction, committed before the next batch runs).
   */
  private void checkScaleOut() {
    Optional<String> application = graph.scaleOutApplication();
    if (application.isEmpty()) {
      return;
    }
    if (checkpointDirectory().isPresent()) {
      throw new IllegalStateException("this context is an instance of the scale-out application '"
          + application.get() + "' (dstream.application.id), whose offsets are kept in its Kafka consumer group "
          + "and its state in changelog topics; a checkpoint directory would disagree with them: remove the "
          + "ssc.checkpoint(...) call");
    }
    if (conf.get(ConfigKeys.CONCURRENT_JOBS) != 1) {
      throw new IllegalStateException("dstream.concurrentJobs is " + conf.get(ConfigKeys.CONCURRENT_JOBS)
          + ", but an instance of a scale-out application commits each batch as one transaction before the "
          + "next one runs: leave dstream.concurrentJobs at 1");
    }
  }

  /**
   * Stops the context; does nothing if it is already stopped. Batches stop being generated before this
   * returns; the wait for running jobs and the release of the threads happen before it returns too, except
   * when it is called from a job, a listener or a receiver: those threads are among what the stop waits for,
   * so the rest of the stop then finishes on a thread of its own (see {@link #awaitTermination}).
   *
   * <p>Every wait of the stop (for the receivers, then for the jobs, then for the receivers again) ends at one
   * deadline, {@code dstream.stopTimeout} after this call.
   *
   * @param graceful true to stop the receivers first, then finish every batch whose time has come and process
   *     every block they received, before stopping; false to stop at once (queued batches are dropped,
   *     running jobs interrupted)
   */
  public void stop(boolean graceful) {
    long deadline = stopDeadline();
    boolean wasActive;
    synchronized (lock) {
      if (lifecycle.is(RuntimeState.STOPPING, RuntimeState.TERMINATED)) {
        LOG.debug("StreamingContext already stopped");
        return;
      }
      wasActive = lifecycle.moveTo(RuntimeState.STOPPING) == RuntimeState.ACTIVE;
      if (!graceful) {
        outcome.ignoreFailures();
      }
      graph.freeze();
    }
    if (wasActive) {
      receivers.stopReceivers("the streaming context is stopping");
      if (graceful) {
        // Their last blocks must be reported before the generator puts the waiting blocks into a batch.
        receivers.awaitReceiversStopped(deadline);
      }
      generator.stop(graceful, deadline);
    }
    scheduler.shutdown(graceful);
    Thread caller = Thread.currentThread();
    if (scheduler.isJobThread(caller) || bus.isDeliveryThread(caller) || generator.isEventLoopThread(caller)
        || receivers.isReceiverThread(caller)) {
      Thread finisher = new Thread(() -> finishStop(graceful, deadline), "dstream-" + conf.appName() + "-stop");
      // Not a daemon (as the job and listener threads are): a JVM whose main thread ends still finishes it.
      finisher.setDaemon(false);
      finisher.start();
    } else {
      finishStop(graceful, deadline);
    }
  }

  /** The end of a stop that starts now, on the scale of {@link System#nanoTime()}. */
  private long stopDeadline() {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(conf.get(ConfigKeys.STOP_TIMEOUT).milliseconds());
  }

  /**
   * Waits for the jobs still running until the stop's deadline, then releases the receivers' storage, closes
   * the worker threads and the listener bus (after it has delivered what is queued), and wakes
   * {@link #awaitTermination}.
   */
  private void finishStop(boolean graceful, long deadline) {
    long timeout = conf.get(ConfigKeys.STOP_TIMEOUT).milliseconds();
    AbandonedBatches abandoned = null;
    long jobsTimeLeft = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    if (!scheduler.awaitTermination(jobsTimeLeft)) {
      // The jobs still running are interrupted next: their failures are the stop's doing, not the user's.
      outcome.ignoreFailures();
      abandoned = scheduler.abandon();
    }
    try {
      generator.finish(deadline);
      receivers.close(deadline);
      StopTimeoutReport.warnOfUnprocessedData(graceful, timeout, abandoned, receivers);
      engine.close(deadline);
      graph.stopInputs();
      resources.close();
      bus.stop(deadline);
      generator.cancelUnsettled();
    } finally {
      // Whatever failed above, awaitTermination must not wait for a stop that is over.
      terminated();
    }
    LOG.info("StreamingContext stopped{}", graceful ? " gracefully" : "");
  }

  /**
   * Tells whether the context has stopped and released its threads.
   *
   * @return true once a stop is complete
   */
  public boolean isTerminated() {
    return lifecycle.is(RuntimeState.TERMINATED);
  }

  private void terminated() {
    lifecycle.tryMoveTo(RuntimeState.TERMINATED);
    outcome.terminated();
  }

  /**
   * Waits until the context has stopped and released its threads, or a job fails.
   *
   * @param timeoutMillis how long to wait, or a negative number to wait without limit
   * @return true if the context has stopped, false if the time ran out
   * @throws JobFailedException the first failure of a job, whose cause is the user's exception
   * @throws VirtualMachineError the fatal error that ended the context (see {@link io.dstream.checkpoint.internal.FatalErrors})
   * @throws IllegalStateException if asked to wait without limit on a context that was never started
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitTermination(long timeoutMillis) throws InterruptedException {
    if (timeoutMillis < 0 && lifecycle.is(RuntimeState.INITIALIZED)) {
      throw new IllegalStateException("awaitTermination() on a StreamingContext that was never started would "
          + "wait forever; call start() first");
    }
    return outcome.await(timeoutMillis);
  }

  /**
   * Ends the context after a fatal error (see {@link io.dstream.checkpoint.internal.FatalErrors}): the context stops at once, on a thread
   * of its own (the thread that reports the error may be one that the stop waits for), and
   * {@code awaitTermination} rethrows the error once the stop is done.
   *
   * @param where what was running when the error was thrown
   * @param error the error
   */
  public void reportFatal(String where, VirtualMachineError error) {
    if (!outcome.fatal(error)) {
      return;
    }
    LOG.error("{} failed with {}; the JVM may be in no state to go on, so the StreamingContext stops and "
        + "awaitTermination rethrows the error: restart the application", where, error, error);
    stopOnItsOwnThread();
  }

  /**
   * Ends the context after a failure it must not go past (in a scale-out application, a batch that failed or
   * could not be committed: a later batch would commit the input offsets beyond it). Records the failure, which
   * {@code awaitTermination} then throws, and stops at once on a thread of its own, as after a fatal error.
   *
   * @param failure the failure
   */
  public void stopAfterFailure(JobFailedException failure) {
    reportError(failure);
    LOG.error("The StreamingContext stops after {}: restart the application to go on from the last committed "
        + "batch", failure.getMessage());
    stopOnItsOwnThread();
  }

  /** Stops on a thread of its own: the thread that asks may be one that the stop waits for. */
  private void stopOnItsOwnThread() {
    if (lifecycle.is(RuntimeState.STOPPING, RuntimeState.TERMINATED)) {
      return; // its end (bounded by dstream.stopTimeout) releases awaitTermination
    }
    try {
      Thread stopper = new Thread(this::stopAfterError, "dstream-" + conf.appName() + "-error-stop");
      stopper.setDaemon(false);
      stopper.start();
    } catch (VirtualMachineError noThread) {
      stopAfterError(); // no memory for another thread: stop from here, as far as it goes
    }
  }

  private void stopAfterError() {
    try {
      stop(false);
    } catch (Throwable stopFailure) {
      LOG.error("The StreamingContext could not stop cleanly after the error", stopFailure);
      terminated();
    }
  }

  /**
   * Records a job failure: the first one is what {@code awaitTermination} throws. Failures of jobs
   * interrupted by a non-graceful stop are only logged.
   *
   * @param failure the failure
   */
  public void reportError(JobFailedException failure) {
    outcome.jobFailed(failure);
  }

  /**
   * Adds a committer that every batch goes through once its jobs have ended (see {@link BatchCommitter}).
   *
   * @param committer the committer
   * @param phase when it runs among the others
   */
  public void addBatchCommitter(BatchCommitter committer, BatchCommitter.Phase phase) {
    scheduler.addCommitter(committer, phase);
  }

  /**
   * Adds work to do before each batch is generated, on the job generator's thread and outside every stream's
   * lock; a hook that throws fails the batch with its exception.
   *
   * @param hook called with each batch time
   */
  public void beforeEachBatch(Consumer<Time> hook) {
    generator.beforeEachBatch(hook);
  }

  /**
   * Posts an event to the context's listeners, as the engine's own events are: for a module that reports
   * what only it knows (a scale-out instance's partitions).
   *
   * @param event the event
   */
  public void postEvent(StreamingListenerEvent event) {
    bus.post(event);
  }

  /**
   * Returns the lifecycle state.
   *
   * @return the state
   */
  public StreamingContextState state() {
    return lifecycle.current().publicState();
  }

  /**
   * Sets the directory where checkpoints go ({@code ssc.checkpoint(dir)}), checking that it is writable.
   *
   * @param directory a path or URI
   * @throws IllegalStateException if the context has already started
   * @throws IllegalArgumentException if the directory's scheme is unknown or it is not writable
   */
  public void setCheckpointDirectory(String directory) {
    checkpoints.setDirectory(directory);
  }

  /**
   * Reads the newest intact metadata checkpoint of the checkpoint directory and checks it against the graph
   * ({@code StreamingContext.getOrCreate}); {@link #start(StreamingContext)} then restarts from it.
   *
   * @param createOnError true to log a checkpoint that cannot be restored and start afresh, false to throw
   * @return true if the context will restart from a checkpoint, false if there is none (or it was skipped)
   * @throws IllegalStateException if no checkpoint directory is set, the context has started, or the
   *     checkpoint cannot be restored (and {@code createOnError} is false); the message says why and what to do
   */
  public boolean recoverFromCheckpoint(boolean createOnError) {
    return checkpoints.recover(createOnError);
  }

  @Override
  public CompletableFuture<BatchOutcome> whenSettled(Time time) {
    return generator.whenSettled(time);
  }

  @Override
  public Optional<Time> recoveredLastBatch() {
    return recoveredSchedule().map(BatchSchedule::lastGeneratedTime);
  }

  /**
   * Returns the batches that {@link #start(StreamingContext)} would run again if it were called now, because the recovered
   * run left them unfinished or missed them while it was down.
   *
   * @return the batch times, ascending; empty without a recovered checkpoint
   */
  @Override
  public List<Time> batchesToRerun() {
    return checkpoints.batchesToRerun();
  }

  /**
   * Returns the batch schedule the context restarts from, if {@link #recoverFromCheckpoint} found a checkpoint.
   *
   * @return the recovered schedule
   */
  public Optional<BatchSchedule> recoveredSchedule() {
    return checkpoints.recoveredSchedule();
  }

  /**
   * Returns the writer of metadata checkpoints, once the context has started with a checkpoint directory.
   *
   * @return the checkpointer
   */
  public Optional<MetadataCheckpointer> checkpointer() {
    return checkpoints.checkpointer();
  }

  /**
   * Returns the checkpoint directory, if one was set.
   *
   * @return the directory
   */
  public Optional<CheckpointDirectory> checkpointDirectory() {
    return checkpoints.directory();
  }

  /**
   * Returns the configuration.
   *
   * @return the context's own copy
   */
  public StreamingConf conf() {
    return conf;
  }

  /**
   * Returns the RDD engine.
   *
   * @return the engine
   */
  public Engine engine() {
    return engine;
  }

  /**
   * Returns what a monitor reads of this runtime beyond its listener events.
   *
   * @return the status
   */
  public RuntimeStatus status() {
    return status;
  }

  /**
   * Records the address of the context's status page, once its server listens, and forgets it when the server
   * stops.
   *
   * @param url the address, such as {@code http://127.0.0.1:4040/}; null once the page is no longer served
   */
  public void uiWebUrl(String url) {
    uiWebUrl = url;
  }

  /**
   * Returns the address of the context's status page.
   *
   * @return the address, if the page is served
   */
  public Optional<String> uiWebUrl() {
    return Optional.ofNullable(uiWebUrl);
  }

  /**
   * Returns the resources that this context's tasks share, closed when it stops.
   *
   * @return the resources
   */
  public ContextResources resources() {
    return resources;
  }

  /**
   * Returns the DStream graph.
   *
   * @return the graph
   */
  public DStreamGraph graph() {
    return graph;
  }

  /**
   * Returns the listener bus.
   *
   * @return the bus
   */
  public ListenerBus bus() {
    return bus;
  }

  /**
   * Returns the job generator.
   *
   * @return the generator
   */
  public JobGenerator generator() {
    return generator;
  }

  /**
   * Returns the receiver tracker, which runs the receivers and keeps their blocks.
   *
   * @return the tracker
   */
  public ReceiverTracker receivers() {
    return receivers;
  }

  /**
   * Returns the serializer of object files (and of whatever else this context stores as bytes).
   *
   * @return the serializer
   */
  public Serializer serializer() {
    return serializer;
  }

  /**
   * Returns what a stream that keeps data across batches needs from this context: the engine, the checkpoint
   * directory (read when needed, as it may be set after the stream is defined) and the serializer.
   *
   * @return the environment
   */
  public StateEnvironment stateEnvironment() {
    return new StateEnvironment(engine(), this::checkpointDirectory, serializer());
  }
}

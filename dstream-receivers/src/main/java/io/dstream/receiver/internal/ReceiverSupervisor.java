package io.dstream.receiver.internal;

import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.receiver.Receiver;
import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Receiver} on a thread of its own (never a worker thread) and turns what it stores into
 * numbered blocks ({@code input-<streamId>-<n>}), which it stores through a {@link ReceivedBlockHandler}
 * and reports to a {@link ReceiverListener}.
 *
 * <p>The supervisor's thread owns the receiver's lifecycle ({@link SupervisorState}): it calls
 * {@code onStart()}, and handles the requests to restart or stop that arrive from any thread as events, one
 * at a time. A restart (asked for by the receiver, or caused by {@code onStart()} throwing) calls
 * {@code onStop()}, reports the error, and starts the receiver again after the restart delay, measured by
 * the {@link ReceiverClock}. {@code onStop()} is called exactly once after each {@code onStart()}. A stop calls
 * {@code onStop()} if the receiver runs, stops the {@link BlockGenerator} (which stores the records still
 * buffered), reports the stop, and ends the thread.
 *
 * <p>The block timer and the restart delays run on two system clocks of their own (unless the builder is given
 * one clock for both): the block timer's thread stores the blocks it cuts, and a store may wait for
 * room in the block store for as long as batches take to make it, which must not hold up a restart.
 *
 * <pre>{@code
 * ReceiverSupervisor supervisor = ReceiverSupervisor.builder(receiver, 0, blockHandler)
 *     .settings(ReceiverSettings.defaults().withMaxRate(10_000))
 *     .listener(tracker)
 *     .build();
 * supervisor.start();
 * ...
 * supervisor.stop("streaming context stopped", null);
 * supervisor.awaitTermination(10, TimeUnit.SECONDS);
 * }</pre>
 */
public final class ReceiverSupervisor implements ReceiverRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiverSupervisor.class);

  private final Receiver<?> receiver;
  private final int streamId;
  private final ReceiverSettings settings;
  private final ReceivedBlockHandler blockHandler;
  private final Serializer serializer;
  private final ReceiverListener listener;
  private final ReceiverClock restartClock;
  private final List<SystemReceiverClock> ownedClocks;
  private final RateLimiter rateLimiter;
  private final BlockGenerator blockGenerator;
  private final BlockingQueue<SupervisorEvent> events = new LinkedBlockingQueue<>();
  private final AtomicLong nextBlockNumber = new AtomicLong();
  private volatile SupervisorState state = SupervisorState.INITIALIZED;
  private Thread thread;
  private ReceiverClock.Cancellable pendingRestart; // used by the supervisor's thread only
  private final FailureSeries restartFailures = new FailureSeries(LOG);
  private boolean startedBefore; // used by the supervisor's thread only

  ReceiverSupervisor(ReceiverSupervisorBuilder builder) {
    this.receiver = builder.receiver;
    this.streamId = builder.streamId;
    this.settings = builder.settings;
    this.blockHandler = builder.blockHandler;
    this.serializer = builder.serializer;
    this.listener = builder.listener;
    ReceiverClock blockClock;
    if (builder.clock == null) {
      SystemReceiverClock blockTimer = new SystemReceiverClock("dstream-receiver-timer-" + streamId);
      SystemReceiverClock restartTimer = new SystemReceiverClock("dstream-receiver-restart-" + streamId);
      this.ownedClocks = List.of(blockTimer, restartTimer);
      blockClock = blockTimer;
      this.restartClock = restartTimer;
    } else {
      this.ownedClocks = List.of();
      blockClock = builder.clock;
      this.restartClock = builder.clock;
    }
    this.rateLimiter = new RateLimiter(settings.maxRate(), blockClock);
    this.nextBlockNumber.set(builder.firstBlockNumber);
    this.blockGenerator = new BlockGenerator("stream " + streamId, settings.blockIntervalMs(),
        settings.maxBufferedRecords(), blockClock, rateLimiter, records -> pushAndReportBlock(records, null),
        this::reportBlockFailure);
  }

  /**
   * Starts building a supervisor.
   *
   * @param receiver the receiver to run; a receiver object can be run by one supervisor only
   * @param streamId the id of the input stream the receiver feeds, not negative
   * @param blockHandler stores the blocks
   * @return a builder
   * @throws IllegalArgumentException if an argument is null or the stream id is negative
   */
  public static ReceiverSupervisorBuilder builder(Receiver<?> receiver, int streamId,
      ReceivedBlockHandler blockHandler) {
    return new ReceiverSupervisorBuilder(receiver, streamId, blockHandler);
  }

  /**
   * Starts the block generator and the supervisor's thread, which calls the receiver's {@code onStart()}.
   * Returns at once.
   *
   * @throws IllegalStateException if the supervisor was already started or stopped, or the receiver already
   *     feeds another supervisor
   */
  public synchronized void start() {
    state.checkMoveTo(SupervisorState.STARTING);
    ReceiverAccess.attach(receiver, this);
    blockGenerator.start();
    moveTo(SupervisorState.STARTING);
    thread = new Thread(this::run, "dstream-receiver-" + streamId);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Asks the supervisor to stop the receiver for good. Returns at once; use
   * {@link #awaitTermination(long, TimeUnit)} to wait until every buffered record is stored and reported. A
   * supervisor that was never started stops at once. Stopping again does nothing.
   *
   * @param message why, reported to the listener
   * @param error the error that caused the stop, or null
   */
  @Override
  public void stop(String message, Throwable error) {
    synchronized (this) {
      if (state == SupervisorState.INITIALIZED) {
        moveTo(SupervisorState.STOPPED);
        blockGenerator.stop();
        closeOwnedClocks();
        return;
      }
    }
    events.add(new SupervisorEvent.Stop(message, error));
  }

  /**
   * Waits until the supervisor has stopped and its thread has ended.
   *
   * @param timeout how long to wait at most
   * @param unit the timeout's unit
   * @return true if it has stopped; false if the time ran out, or at once if it was never started nor
   *     stopped, or if called on the supervisor's own thread (which cannot end while it waits)
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running == null) {
      return state == SupervisorState.STOPPED;
    }
    if (running == Thread.currentThread()) {
      return false;
    }
    running.join(Math.max(1, unit.toMillis(timeout)));
    return !running.isAlive();
  }

  /**
   * Tells whether a thread is the supervisor's own, on which the receiver's callbacks run.
   *
   * @param candidate the thread
   * @return true for the supervisor's thread
   */
  public synchronized boolean isSupervisorThread(Thread candidate) {
    return candidate != null && candidate == thread;
  }

  /**
   * Sets the receiver's rate, as backpressure estimates it; capped at the configured maximum rate.
   *
   * @param recordsPerSecond the new rate, positive
   * @throws IllegalArgumentException if the rate is not positive
   */
  public void updateRate(long recordsPerSecond) {
    rateLimiter.updateRate(recordsPerSecond);
  }

  /**
   * Returns the receiver's current rate limit.
   *
   * @return records per second, or 0 if unlimited
   */
  public long currentRate() {
    return rateLimiter.currentRate();
  }

  /**
   * Returns the lifecycle state.
   *
   * @return the state
   */
  public SupervisorState state() {
    return state;
  }

  /**
   * Returns the supervised receiver.
   *
   * @return the receiver
   */
  public Receiver<?> receiver() {
    return receiver;
  }

  @Override
  public int streamId() {
    return streamId;
  }

  @Override
  public Serializer serializer() {
    return serializer;
  }

  @Override
  public void pushSingle(Object record) {
    blockGenerator.addData(record);
  }

  @Override
  public void pushSingles(Object[] records, int count) {
    blockGenerator.addAll(records, count);
  }

  @Override
  public void pushMultiple(List<?> records, Object metadata) {
    blockGenerator.requireActive();
    if (records.isEmpty()) {
      return;
    }
    rateLimiter.acquire(records.size());
    pushAndReportBlock(records, metadata);
  }

  private void pushAndReportBlock(List<?> records, Object metadata) {
    BlockId id = BlockId.stream(streamId, nextBlockNumber.getAndIncrement());
    blockHandler.storeBlock(id, records, receiver.storageLevel());
    // A restarted receiver is back once it stores data again (its onStart may return before it connects).
    restartFailures.succeeded("Receiver of stream " + streamId + " receives again");
    listener.onBlockStored(new ReceivedBlockInfo(streamId, id, records.size(), metadata));
  }

  @Override
  public void restart(String message, Throwable error) {
    restart(message, error, settings.restartDelayMs());
  }

  @Override
  public void restart(String message, Throwable error, long delayMs) {
    if (delayMs < 0) {
      throw new IllegalArgumentException("the restart delay must not be negative, got " + delayMs + " ms");
    }
    events.add(new SupervisorEvent.Restart(message, error, delayMs));
  }

  @Override
  public void reportError(String message, Throwable error) {
    LOG.warn("Receiver of stream {} reported an error: {}", streamId, message, error);
    notifyListener(() -> listener.onReceiverError(streamId, message, error));
  }

  /** A block of single records could not be stored: those records are lost. */
  private void reportBlockFailure(String message, Throwable error) {
    if (error instanceof BlockStoreException && error.getCause() instanceof CancellationException) {
      // The context stopped while the block waited for room: the stop counts such blocks in its own report.
      LOG.debug("Receiver of stream {}: {}", streamId, message);
    } else {
      reportError(message, error);
    }
  }

  @Override
  public boolean isReceiverStarted() {
    SupervisorState current = state;
    return current == SupervisorState.STARTING || current == SupervisorState.STARTED;
  }

  @Override
  public boolean isReceiverStopped() {
    SupervisorState current = state;
    return current == SupervisorState.RESTARTING || current == SupervisorState.STOPPING
        || current == SupervisorState.STOPPED;
  }

  /**
   * The supervisor thread. If its own machinery fails even to schedule a restart (say, a closed clock),
   * or an {@link Error} escapes, it stops the receiver and reports why.
   */
  private void run() {
    try {
      startAndHandleEvents();
    } catch (RuntimeException | Error e) {
      LOG.error("The supervisor of stream {} failed; stopping its receiver", streamId, e);
      if (state != SupervisorState.STOPPING && state != SupervisorState.STOPPED) {
        stopAll("the receiver supervisor failed: " + e, e);
      }
    } finally {
      // Also when a stop itself failed half-way: the clocks' threads must not outlive the supervisor.
      closeOwnedClocks();
    }
  }

  /** Starts the receiver, then handles events until a stop. */
  private void startAndHandleEvents() {
    runGuarded("the first start", this::startReceiver);
    while (true) {
      SupervisorEvent event;
      try {
        event = events.take();
      } catch (InterruptedException e) {
        stopAll("the receiver supervisor's thread was interrupted", e);
        return;
      }
      if (event instanceof SupervisorEvent.Stop stop) {
        stopAll(stop.message(), stop.error());
        return;
      }
      runGuarded(event.toString(), () -> handle(event));
    }
  }

  /**
   * Runs a step of the lifecycle. A failure of the supervisor's own bookkeeping (a bug, or a transient
   * failure of the clock) must not leave the receiver dead while the context runs on: the receiver is
   * restarted after the delay, unless a restart is already pending. If even that fails, {@link #run()} stops
   * the receiver and reports why.
   */
  private void runGuarded(String step, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.error("The supervisor of stream {} failed while handling {}; {}", streamId, step,
          pendingRestart != null ? "a restart of the receiver is pending" : "restarting the receiver", e);
      if (pendingRestart == null) {
        scheduleRestart("the receiver supervisor failed while handling " + step + ": " + e, e,
            settings.restartDelayMs());
      }
    }
  }

  private void handle(SupervisorEvent event) {
    if (event instanceof SupervisorEvent.Restart restart) {
      if (state == SupervisorState.STARTED) {
        scheduleRestart(restart.message(), restart.error(), restart.delayMs());
      } else {
        LOG.debug("Ignoring a restart request for stream {} in state {}: {}", streamId, state,
            restart.message());
      }
    } else if (event instanceof SupervisorEvent.RestartDue && state == SupervisorState.RESTARTING) {
      pendingRestart = null;
      moveTo(SupervisorState.STARTING);
      startReceiver();
    }
  }

  private void startReceiver() {
    try {
      receiver.onStart();
    } catch (RuntimeException | Error e) {
      scheduleRestart("onStart() of " + receiver.getClass().getName() + " failed: " + e, e,
          settings.restartDelayMs());
      return;
    }
    moveTo(SupervisorState.STARTED);
    if (startedBefore) {
      LOG.debug("Receiver of stream {} started again", streamId);
    } else {
      LOG.info("Receiver of stream {} started", streamId);
      startedBefore = true;
    }
    notifyListener(() -> listener.onReceiverStarted(streamId));
  }

  // The error is reported after the restart is scheduled, so whoever sees the report sees a pending restart.
  private void scheduleRestart(String message, Throwable error, long delayMs) {
    // Already RESTARTING (with no restart pending) only when recovering from a failure of this method.
    if (state != SupervisorState.RESTARTING) {
      moveTo(SupervisorState.RESTARTING);
      callOnStop();
    }
    pendingRestart = restartClock.schedule(delayMs, () -> events.add(new SupervisorEvent.RestartDue()));
    String report = "restarting the receiver in " + delayMs + " ms: " + message;
    // A source that stays down fails every restart: one WARN with the stack, then DEBUG; listeners see all.
    restartFailures.failed("Receiver of stream " + streamId + ": " + report, error);
    notifyListener(() -> listener.onReceiverError(streamId, report, error));
  }

  private void stopAll(String message, Throwable error) {
    SupervisorState previous = state;
    moveTo(SupervisorState.STOPPING);
    if (pendingRestart != null) {
      pendingRestart.cancel();
    }
    if (previous == SupervisorState.STARTED) {
      callOnStop();
    }
    blockGenerator.stop();
    LOG.info("Receiver of stream {} stopped: {}", streamId, message);
    notifyListener(() -> listener.onReceiverStopped(streamId, message, error));
    moveTo(SupervisorState.STOPPED);
    closeOwnedClocks();
  }

  private void callOnStop() {
    try {
      receiver.onStop();
    } catch (RuntimeException | Error e) {
      reportError("onStop() of " + receiver.getClass().getName() + " failed: " + e, e);
    }
  }

  private void notifyListener(Runnable notification) {
    try {
      notification.run();
    } catch (RuntimeException e) {
      LOG.error("The receiver listener failed while being notified about stream {}", streamId, e);
    }
  }

  private synchronized void moveTo(SupervisorState next) {
    state = state.checkMoveTo(next);
  }

  private void closeOwnedClocks() {
    ownedClocks.forEach(SystemReceiverClock::close);
  }

  @Override
  public String toString() {
    return "ReceiverSupervisor(stream " + streamId + ", " + receiver.getClass().getName() + ", " + state + ")";
  }
}

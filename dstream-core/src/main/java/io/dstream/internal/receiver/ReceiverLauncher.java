package io.dstream.internal.receiver;

import io.dstream.Clock;
import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import io.dstream.Time;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.backpressure.RateController;
import io.dstream.internal.scheduler.ListenerBus;
import io.dstream.internal.scheduler.SystemClock;
import io.dstream.receiver.internal.BlockManagerBlockHandler;
import io.dstream.receiver.internal.ReceivedBlockHandler;
import io.dstream.receiver.internal.ReceiverListener;
import io.dstream.receiver.internal.ReceiverSettings;
import io.dstream.receiver.internal.ReceiverSupervisor;
import io.dstream.receiver.internal.ReceiverSupervisorBuilder;
import io.dstream.storage.internal.BlockManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the receivers of a context: one {@link ReceiverSupervisor} per stream (each on its own thread, never a
 * worker thread), with a {@link RateController} per stream when {@code dstream.backpressure.enabled}, on the
 * receivers' clock; and stops them, within the stop's deadline.
 *
 * <p>On the system clock each supervisor keeps its own timer threads. On any other context clock (the test
 * kit's manual clock) all receivers share a {@link ClockDrivenReceiverClock}: their blocks are cut and their
 * restart delays end as that clock moves, and {@link #runTimersDueBy} runs what is due by a batch's time
 * before the batch takes its blocks.
 */
final class ReceiverLauncher {
  /**
   * How long past a stop's deadline the receivers whose stores were refused then may take to stop: a
   * refused store fails at once, so this only lets their threads end, and bounds receivers that hang.
   */
  static final long REFUSED_STORE_GRACE_MILLIS = 200;

  private final StreamingConf conf;
  private final ListenerBus bus;
  private final long batchDurationMs;
  private final ReceiverListener listener;
  private final Serializer serializer;
  /** The receivers' clock on a context clock other than the system's; null: each receiver keeps its own. */
  private final ClockDrivenReceiverClock receiverClock;
  private final Map<Integer, ReceiverSupervisor> supervisors = new LinkedHashMap<>();
  private volatile BlockManager blockManager;
  private boolean storesRefused;
  private volatile long firstRefusalNanos;

  ReceiverLauncher(StreamingConf conf, ListenerBus bus, Clock clock, long batchDurationMs,
      ReceiverListener listener, Serializer serializer) {
    this.conf = conf;
    this.bus = bus;
    this.batchDurationMs = batchDurationMs;
    this.listener = listener;
    this.serializer = serializer;
    this.receiverClock = clock instanceof SystemClock ? null : new ClockDrivenReceiverClock(clock);
  }

  /**
   * Builds the supervisor of a stream's receiver, and its rate controller with backpressure.
   *
   * @param stream the stream
   * @param tracker where the stream's blocks go; its log, if any, logs them
   * @param blocks the block store
   * @param firstBlockNumber the number of the stream's first new block
   */
  synchronized void prepare(ReceiverInputStreamNode<?> stream, ReceivedBlockTracker tracker, BlockManager blocks,
      long firstBlockNumber) {
    this.blockManager = blocks;
    ReceivedBlockHandler handler = tracker.log() != null
        ? new LoggedBlockHandler(blocks, tracker) : new BlockManagerBlockHandler(blocks);
    ReceiverSettings settings = new ReceiverSettings(conf.get(ConfigKeys.BLOCK_INTERVAL).milliseconds(),
        conf.get(ConfigKeys.RECEIVER_RESTART_DELAY).milliseconds(), conf.get(ConfigKeys.RECEIVER_MAX_RATE),
        conf.get(ConfigKeys.RECEIVER_MAX_BUFFERED_RECORDS));
    ReceiverSupervisorBuilder builder = ReceiverSupervisor.builder(stream.receiver(), stream.id(), handler)
        .settings(settings).listener(listener).firstBlockNumber(firstBlockNumber).serializer(serializer);
    if (receiverClock != null) {
      builder.clock(receiverClock);
    }
    ReceiverSupervisor supervisor = builder.build();
    if (conf.get(ConfigKeys.BACKPRESSURE_ENABLED)) {
      Long initialRate = conf.get(ConfigKeys.BACKPRESSURE_INITIAL_RATE);
      if (initialRate != null) {
        supervisor.updateRate(initialRate);
      }
      bus.addListener(RateController.fromConf(conf, batchDurationMs, stream.id(), supervisor::updateRate));
    }
    supervisors.put(stream.id(), supervisor);
  }

  /** Starts every prepared receiver; each runs on its own thread. */
  synchronized void startAll() {
    if (receiverClock != null && !supervisors.isEmpty()) {
      receiverClock.start();
    }
    supervisors.values().forEach(ReceiverSupervisor::start);
  }

  /**
   * On a clock other than the system's, runs the receivers' timers due at or before a batch time: the blocks
   * cut by then are stored and reported when this returns (see {@link ClockDrivenReceiverClock}).
   *
   * @param time the batch time
   */
  void runTimersDueBy(Time time) {
    if (receiverClock != null) {
      receiverClock.runTasksDueBy(time.milliseconds());
    }
  }

  /** Asks every receiver to stop; their buffered records become blocks. Returns at once. */
  void stopAll(String reason) {
    for (ReceiverSupervisor supervisor : supervisors()) {
      supervisor.stop(reason, null);
    }
  }

  /** Stops the receivers' clock: no timer runs any more. */
  void closeClock() {
    if (receiverClock != null) {
      receiverClock.close();
    }
  }

  /**
   * Waits for the receivers to stop until the deadline; if some still run, refuses the stores waiting for
   * room and waits {@value #REFUSED_STORE_GRACE_MILLIS} ms more, counted from the first refusal.
   *
   * @return the supervisors still running then
   */
  List<ReceiverSupervisor> awaitStoppedRefusingAtDeadline(long deadlineNanos) {
    List<ReceiverSupervisor> running = awaitStopped(supervisors(), deadlineNanos);
    if (!running.isEmpty()) {
      refuseWaitingStores();
      // The grace counts from the first refusal (once per stop): a stop whose other steps ran past the deadline
      // still gives it, and a second wait of the same stop does not give it again.
      long graceEnd = Math.max(deadlineNanos, firstRefusalNanos)
          + TimeUnit.MILLISECONDS.toNanos(REFUSED_STORE_GRACE_MILLIS);
      running = awaitStopped(running, graceEnd);
    }
    return running;
  }

  /** Waits for the supervisors to stop; returns those still running at the deadline. */
  private static List<ReceiverSupervisor> awaitStopped(List<ReceiverSupervisor> supervisors, long deadline) {
    List<ReceiverSupervisor> running = new ArrayList<>();
    for (ReceiverSupervisor supervisor : supervisors) {
      if (supervisor.isSupervisorThread(Thread.currentThread())) {
        // A receiver that stops the context from its own thread stops once that call returns.
        continue;
      }
      long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      try {
        if (!supervisor.awaitTermination(left, TimeUnit.MILLISECONDS)) {
          running.add(supervisor);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.add(supervisor);
        return running;
      }
    }
    return running;
  }

  /** Refuses the stores that wait for room in the block store: no batch will make room any more. */
  void refuseWaitingStores() {
    synchronized (this) {
      if (!storesRefused) {
        storesRefused = true;
        firstRefusalNanos = System.nanoTime();
      }
    }
    BlockManager blocks = blockManager;
    if (blocks != null) {
      blocks.refuseWaitingStores("the streaming context stopped before batches made room for it");
    }
  }

  /** Tells whether a thread is a receiver supervisor's. */
  boolean isReceiverThread(Thread candidate) {
    return supervisors().stream().anyMatch(supervisor -> supervisor.isSupervisorThread(candidate));
  }

  /** Returns the supervisor of a stream's receiver, once prepared. */
  synchronized Optional<ReceiverSupervisor> supervisor(int streamId) {
    return Optional.ofNullable(supervisors.get(streamId));
  }

  private synchronized List<ReceiverSupervisor> supervisors() {
    return List.copyOf(supervisors.values());
  }
}

package io.dstream.receiver.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Buffers the single records a receiver stores and cuts them into a block every block interval; the block
 * is handed to a {@link BlockSink} on the timer's thread, and the next cut waits until it is stored. The
 * buffer holds at most {@code maxBufferedRecords}: while it is full (storage is slow, or records come faster
 * than blocks are cut), {@link #addData} waits, which pushes back on the receiver. Each record first passes
 * the {@link RateLimiter}.
 *
 * <p>Its lifecycle is {@link State}: {@code INITIALIZED -> ACTIVE -> STOPPED_ADDING_DATA ->
 * STOPPED_GENERATING_BLOCKS -> STOPPED_ALL}. {@link #stop()} walks it in order: no record is accepted any
 * more, the timer is cancelled, the last buffered records become a final block, and only then does
 * {@code stop()} return. Thread-safe.
 */
public final class BlockGenerator {
  /** The lifecycle of a block generator. */
  public enum State {
    /** Created, not started: records are refused. */
    INITIALIZED,
    /** Accepting records and cutting blocks. */
    ACTIVE,
    /** Stopping: records are refused; the timer still runs. */
    STOPPED_ADDING_DATA,
    /** Stopping: the timer is cancelled; the last block is being cut and stored. */
    STOPPED_GENERATING_BLOCKS,
    /** Stopped: every accepted record has been handed to the sink. */
    STOPPED_ALL;

    /**
     * Tells whether a generator in this state may move to another.
     *
     * @param next the state to move to
     * @return true for the next state in order, and for a generator stopped before it was started
     */
    public boolean canMoveTo(State next) {
      return next.ordinal() == ordinal() + 1 || (this == INITIALIZED && next == STOPPED_ALL);
    }
  }

  /** Where blocks go. */
  @FunctionalInterface
  public interface BlockSink {
    /**
     * Stores a block of records.
     *
     * @param records the records, owned by the sink from now on
     */
    void push(List<Object> records);
  }

  private final String owner;
  private final long blockIntervalMs;
  private final Scheduler scheduler;
  private final RateLimiter rateLimiter;
  private final BlockSink sink;
  private final BiConsumer<String, Throwable> errorHandler;
  private final int maxBufferedRecords;
  private final Object bufferLock = new Object();
  private final Object pushLock = new Object();
  private ArrayList<Object> buffer = new ArrayList<>();
  private volatile State state = State.INITIALIZED;
  private Scheduler.Cancellable timer;

  /**
   * Creates a generator.
   *
   * @param owner what the generator belongs to, for messages (such as {@code "stream 3"})
   * @param blockIntervalMs how often to cut a block, in milliseconds (positive)
   * @param scheduler runs the block timer
   * @param rateLimiter every record passes it before it is buffered
   * @param sink stores the blocks
   * @param errorHandler told when the sink fails to store a block; those records are lost
   * @throws IllegalArgumentException if the interval is not positive or an argument is null
   */
  public BlockGenerator(String owner, long blockIntervalMs, Scheduler scheduler, RateLimiter rateLimiter,
      BlockSink sink, BiConsumer<String, Throwable> errorHandler) {
    this(owner, blockIntervalMs, ReceiverSettings.DEFAULT_MAX_BUFFERED_RECORDS, scheduler, rateLimiter, sink,
        errorHandler);
  }

  /**
   * Creates a generator with a bound of its buffer.
   *
   * @param owner what the generator belongs to, for messages (such as {@code "stream 3"})
   * @param blockIntervalMs how often to cut a block, in milliseconds (positive)
   * @param maxBufferedRecords the most records buffered for the next block (positive)
   * @param scheduler runs the block timer
   * @param rateLimiter every record passes it before it is buffered
   * @param sink stores the blocks
   * @param errorHandler told when the sink fails to store a block; those records are lost
   * @throws IllegalArgumentException if the interval or the bound is not positive or an argument is null
   */
  public BlockGenerator(String owner, long blockIntervalMs, int maxBufferedRecords, Scheduler scheduler,
      RateLimiter rateLimiter, BlockSink sink, BiConsumer<String, Throwable> errorHandler) {
    if (maxBufferedRecords <= 0) {
      throw new IllegalArgumentException("the most records buffered for a block must be positive, got "
          + maxBufferedRecords);
    }
    if (blockIntervalMs <= 0) {
      throw new IllegalArgumentException("the block interval must be positive, got " + blockIntervalMs + " ms");
    }
    if (owner == null || scheduler == null || rateLimiter == null || sink == null || errorHandler == null) {
      throw new IllegalArgumentException("the owner, scheduler, rate limiter, sink and error handler of a block "
          + "generator must not be null");
    }
    this.owner = owner;
    this.blockIntervalMs = blockIntervalMs;
    this.scheduler = scheduler;
    this.rateLimiter = rateLimiter;
    this.sink = sink;
    this.errorHandler = errorHandler;
    this.maxBufferedRecords = maxBufferedRecords;
  }

  /**
   * Starts accepting records and the block timer.
   *
   * @throws IllegalStateException if the generator was already started or stopped
   */
  public synchronized void start() {
    moveTo(State.ACTIVE);
    timer = scheduler.scheduleAtFixedRate(blockIntervalMs, this::cutAndPushBlock);
  }

  /**
   * Buffers a record for the next block, after waiting for the rate limiter and, while the buffer is full,
   * for the next block to be cut.
   *
   * @param record the record (null allowed)
   * @throws IllegalStateException if the generator is not active (not started, or stopped, also while
   *     waiting), or the thread is interrupted while waiting for room (its interrupt flag is then set)
   */
  public void addData(Object record) {
    rateLimiter.acquire();
    synchronized (bufferLock) {
      while (state == State.ACTIVE && buffer.size() >= maxBufferedRecords) {
        try {
          bufferLock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for room in the buffer of " + owner
              + " (" + maxBufferedRecords + " records are waiting for the next block)", e);
        }
      }
      if (state != State.ACTIVE) {
        throw notAccepting();
      }
      buffer.add(record);
    }
  }

  /**
   * Checks that records are accepted, for stores that bypass the buffer (blocks of many records).
   *
   * @throws IllegalStateException if the generator is not active (not started, or stopped)
   */
  public void requireActive() {
    if (state != State.ACTIVE) {
      throw notAccepting();
    }
  }

  /**
   * Returns the lifecycle state.
   *
   * @return the state
   */
  public State state() {
    return state;
  }

  /**
   * Stops in order: refuses further records, cancels the timer, stores the records still buffered as a
   * last block, and returns once that block has been handed to the sink. Stopping a generator that was
   * never started just marks it stopped; stopping again does nothing.
   */
  public synchronized void stop() {
    if (state == State.STOPPED_ALL) {
      return;
    }
    if (state == State.INITIALIZED) {
      moveTo(State.STOPPED_ALL);
      return;
    }
    synchronized (bufferLock) {
      moveTo(State.STOPPED_ADDING_DATA);
      // Those waiting for room learn that no more records are accepted.
      bufferLock.notifyAll();
    }
    timer.cancel();
    moveTo(State.STOPPED_GENERATING_BLOCKS);
    // Waits for a block timer run in progress (pushLock), then drains what is left.
    cutAndPushBlock();
    moveTo(State.STOPPED_ALL);
  }

  /** Cuts the buffered records into a block and stores it; runs on the timer's thread, and once in stop. */
  void cutAndPushBlock() {
    synchronized (pushLock) {
      List<Object> block;
      synchronized (bufferLock) {
        if (buffer.isEmpty()) {
          return;
        }
        block = buffer;
        buffer = new ArrayList<>();
        bufferLock.notifyAll();
      }
      try {
        sink.push(block);
      } catch (RuntimeException | Error e) {
        errorHandler.accept("could not store a block of " + block.size() + " records received by " + owner
            + "; those records are lost: " + e, e);
      }
    }
  }

  private void moveTo(State next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("the block generator of " + owner + " cannot move from " + state + " to "
          + next + (next == State.ACTIVE ? "; a block generator starts once and cannot start again" : ""));
    }
    state = next;
  }

  private IllegalStateException notAccepting() {
    return new IllegalStateException(state == State.INITIALIZED
        ? "the receiver of " + owner + " is not started yet; store records from onStart() or later"
        : "the receiver of " + owner + " has been stopped and accepts no more records; check isStopped() "
            + "before storing");
  }
}

package io.dstream.receiver.internal;

import io.dstream.checkpoint.internal.Lifecycle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Buffers the single records a receiver stores and cuts them into a block every block interval; the block
 * is handed to a {@link BlockSink} on the timer's thread, and the next cut waits until it is stored. The
 * buffer holds at most {@code maxBufferedRecords}: the record that fills it makes {@link #addData} cut the
 * block at once and store it on the storing thread, without waiting for the timer. Records coming faster
 * than one block interval's worth thus make more, smaller blocks instead of a capped rate, while a slow
 * store still slows the receiver down (the storing thread stores the block itself, after any block being
 * stored), so memory holds about one buffer plus one block being stored per storing thread. Each record
 * first passes the {@link RateLimiter}.
 *
 * <p>Storing a record takes no lock: each storing thread appends to a {@link ProducerBuffer} of its own, and
 * a cut (the timer's, a full buffer's, the last one of a stop) drains every thread's buffer under the push
 * lock, once per block. The buffer bound holds per storing thread. A store that races with {@link #stop()}
 * either makes the last block or is refused with an exception, never both nor neither: after appending, the
 * storing thread reads the state again, and if the generator stopped meanwhile it takes the record back
 * unless a cut already took it.
 *
 * <p>Its lifecycle is {@link State}: {@code INITIALIZED -> ACTIVE -> STOPPED_ADDING_DATA ->
 * STOPPED_GENERATING_BLOCKS -> STOPPED_ALL}. {@link #stop()} walks it in order: no record is accepted any
 * more, the timer is cancelled, the last buffered records become a final block, and only then does
 * {@code stop()} return. Thread-safe.
 */
public final class BlockGenerator {
  /** The lifecycle of a block generator. */
  public enum State implements Lifecycle.State<State> {
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

    @Override
    public Set<State> next() {
      return switch (this) {
        case INITIALIZED -> EnumSet.of(ACTIVE, STOPPED_ALL);
        case ACTIVE -> EnumSet.of(STOPPED_ADDING_DATA);
        case STOPPED_ADDING_DATA -> EnumSet.of(STOPPED_GENERATING_BLOCKS);
        case STOPPED_GENERATING_BLOCKS -> EnumSet.of(STOPPED_ALL);
        case STOPPED_ALL -> EnumSet.noneOf(State.class);
      };
    }

    @Override
    public String hint(State target) {
      return target == ACTIVE ? "; a block generator starts once and cannot start again" : "";
    }

    /**
     * Tells whether a generator in this state may move to another.
     *
     * @param next the state to move to
     * @return true for the next state in order, and for a generator stopped before it was started
     */
    public boolean canMoveTo(State next) {
      return next().contains(next);
    }

    /**
     * Checks a move to another state.
     *
     * @param owner what the generator belongs to, for the message
     * @param next the state to move to
     * @return {@code next}
     * @throws IllegalStateException if this state may not move to {@code next}
     */
    State checkMoveTo(String owner, State next) {
      return Lifecycle.checkMove("the block generator of " + owner, this, next);
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
  private final ReceiverClock clock;
  private final RateLimiter rateLimiter;
  private final BlockSink sink;
  private final BiConsumer<String, Throwable> errorHandler;
  private final int maxBufferedRecords;
  private final Object pushLock = new Object();
  private final List<ProducerBuffer> producers = new CopyOnWriteArrayList<>();
  private final ThreadLocal<ProducerBuffer> producerOfThread = new ThreadLocal<>();
  // The buffer of the thread that stored last: most receivers store from one thread, which then skips the
  // thread-local look-up. Racy on purpose: a stale value is only a missed shortcut.
  private ProducerBuffer lastProducer;
  private volatile State state = State.INITIALIZED;
  private ReceiverClock.Cancellable timer;

  /**
   * Creates a generator.
   *
   * @param owner what the generator belongs to, for messages (such as {@code "stream 3"})
   * @param blockIntervalMs how often to cut a block, in milliseconds (positive)
   * @param clock runs the block timer
   * @param rateLimiter every record passes it before it is buffered
   * @param sink stores the blocks
   * @param errorHandler told when the sink fails to store a block; those records are lost
   * @throws IllegalArgumentException if the interval is not positive or an argument is null
   */
  public BlockGenerator(String owner, long blockIntervalMs, ReceiverClock clock, RateLimiter rateLimiter,
      BlockSink sink, BiConsumer<String, Throwable> errorHandler) {
    this(owner, blockIntervalMs, ReceiverSettings.DEFAULT_MAX_BUFFERED_RECORDS, clock, rateLimiter, sink,
        errorHandler);
  }

  /**
   * Creates a generator with a bound of its buffer.
   *
   * @param owner what the generator belongs to, for messages (such as {@code "stream 3"})
   * @param blockIntervalMs how often to cut a block, in milliseconds (positive)
   * @param maxBufferedRecords the most records buffered for the next block (positive)
   * @param clock runs the block timer
   * @param rateLimiter every record passes it before it is buffered
   * @param sink stores the blocks
   * @param errorHandler told when the sink fails to store a block; those records are lost
   * @throws IllegalArgumentException if the interval or the bound is not positive or an argument is null
   */
  public BlockGenerator(String owner, long blockIntervalMs, int maxBufferedRecords, ReceiverClock clock,
      RateLimiter rateLimiter, BlockSink sink, BiConsumer<String, Throwable> errorHandler) {
    if (maxBufferedRecords <= 0) {
      throw new IllegalArgumentException("the most records buffered for a block must be positive, got "
          + maxBufferedRecords);
    }
    if (blockIntervalMs <= 0) {
      throw new IllegalArgumentException("the block interval must be positive, got " + blockIntervalMs + " ms");
    }
    if (owner == null || clock == null || rateLimiter == null || sink == null || errorHandler == null) {
      throw new IllegalArgumentException("the owner, clock, rate limiter, sink and error handler of a block "
          + "generator must not be null");
    }
    this.owner = owner;
    this.blockIntervalMs = blockIntervalMs;
    this.clock = clock;
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
    timer = clock.scheduleAtFixedRate(blockIntervalMs, this::cutAndPushBlock);
  }

  /**
   * Buffers a record for the next block, after waiting for the rate limiter. If the record fills the buffer,
   * cuts the block and stores it on this thread before returning (after any block being stored meanwhile).
   *
   * @param record the record (null allowed)
   * @throws IllegalStateException if the generator is not active (not started, or stopped)
   */
  public void addData(Object record) {
    rateLimiter.acquire();
    requireActive();
    ProducerBuffer producer = producerOfCurrentThread();
    long before = producer.appended();
    boolean full = producer.append(record, maxBufferedRecords);
    if (state != State.ACTIVE) {
      takeBackUnlessCut(producer, before);
    }
    if (full) {
      cutFullBuffer(producer);
    }
  }

  /**
   * Buffers records {@code [0, count)} of an array for the next blocks, as {@code count} calls of
   * {@link #addData} would, in one go: the rate limiter is asked once for all of them, and the records are
   * copied into the buffer in bulk (cutting a block at once each time the buffer fills). The array stays
   * the caller's.
   *
   * @param records the records (null elements allowed)
   * @param count how many of the array's first records to buffer, 0 to its length
   * @throws IllegalArgumentException if the array is null or the count is out of range
   * @throws IllegalStateException if the generator is not active (not started, or stopped); records a block
   *     had taken before the stop stay stored
   */
  public void addAll(Object[] records, int count) {
    if (records == null || count < 0 || count > records.length) {
      throw new IllegalArgumentException("cannot buffer " + count + " records of "
          + (records == null ? "a null array" : "an array of " + records.length));
    }
    rateLimiter.acquire(count);
    requireActive();
    ProducerBuffer producer = producerOfCurrentThread();
    long before = producer.appended();
    int from = 0;
    while (from < count) {
      int room = (int) Math.max(1, Math.min(count - from, maxBufferedRecords - producer.pending()));
      boolean full = producer.append(records, from, from + room, maxBufferedRecords);
      from += room;
      if (state != State.ACTIVE) {
        takeBackUnlessCut(producer, before);
      }
      if (full) {
        cutFullBuffer(producer);
      }
    }
  }

  private ProducerBuffer producerOfCurrentThread() {
    ProducerBuffer last = lastProducer;
    if (last != null && last.ownedByCurrentThread()) {
      return last;
    }
    ProducerBuffer producer = producerOfThread.get();
    if (producer == null) {
      producer = new ProducerBuffer(Thread.currentThread());
      producers.add(producer);
      producerOfThread.set(producer);
    }
    lastProducer = producer;
    return producer;
  }

  /**
   * The generator stopped while this thread appended: records a cut has taken are stored, so the store
   * stands if the cut took them all; otherwise the rest are removed and the store is refused.
   */
  private void takeBackUnlessCut(ProducerBuffer producer, long since) {
    synchronized (pushLock) {
      long appended = producer.appended();
      if (producer.retractUndrained(since) < appended - since) {
        throw notAccepting();
      }
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
    moveTo(State.STOPPED_ADDING_DATA);
    timer.cancel();
    moveTo(State.STOPPED_GENERATING_BLOCKS);
    // Waits for a block being stored (pushLock), by the timer or a storing thread, then drains what is left.
    // Stopped under the same lock: a timer run already under way when the timer was cancelled then finds
    // the generator stopped, and cannot store a block of records appended after the last one.
    synchronized (pushLock) {
      cutAndPushLocked();
      moveTo(State.STOPPED_ALL);
    }
  }

  /** Cuts whatever is buffered into a block and stores it; the block timer's task, and the last step of stop. */
  void cutAndPushBlock() {
    synchronized (pushLock) {
      cutAndPushLocked();
    }
  }

  /**
   * Cuts and stores a block for a storing thread that found its buffer full, unless a cut took its records
   * while it waited for the block being stored.
   */
  private void cutFullBuffer(ProducerBuffer producer) {
    synchronized (pushLock) {
      if (producer.pending() >= maxBufferedRecords) {
        cutAndPushLocked();
      }
    }
  }

  /**
   * Drains every storing thread's buffer into a block and stores it; the caller holds the push lock, so
   * blocks are stored one at a time, in the order of their records.
   */
  private void cutAndPushLocked() {
    if (state == State.STOPPED_ALL) {
      return;
    }
    int total = 0;
    for (ProducerBuffer producer : producers) {
      if (producer.retired()) {
        // A thread that stored and ended (say, one per connection): nothing more will come from it.
        producers.remove(producer);
      } else {
        total += producer.published();
      }
    }
    if (total == 0) {
      return;
    }
    // Records published after the count wait for the next cut. Copying whole arrays (here and into the
    // list) is cheaper than adding the records to the list one by one.
    Object[] records = new Object[total];
    int filled = 0;
    for (ProducerBuffer producer : producers) {
      filled = producer.drainInto(records, filled);
    }
    ArrayList<Object> block =
        new ArrayList<>(Arrays.asList(filled == total ? records : Arrays.copyOf(records, filled)));
    try {
      sink.push(block);
    } catch (RuntimeException | Error e) {
      errorHandler.accept("could not store a block of " + block.size() + " records received by " + owner
          + "; those records are lost: " + e, e);
    }
  }

  private void moveTo(State next) {
    state = state.checkMoveTo(owner, next);
  }

  private IllegalStateException notAccepting() {
    return new IllegalStateException(state == State.INITIALIZED
        ? "the receiver of " + owner + " is not started yet; store records from onStart() or later"
        : "the receiver of " + owner + " has been stopped and accepts no more records; check isStopped() "
            + "before storing");
  }
}

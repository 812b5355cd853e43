package io.dstream.receiver;

import io.dstream.checkpoint.internal.Arguments;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.receiver.internal.ReceiverAccess;
import io.dstream.receiver.internal.ReceiverRuntime;
import io.dstream.storage.StorageLevel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Receives data from a source and stores it in dstream; extend it to read from a source of your own and
 * pass an instance to {@code ssc.receiverStream(receiver)}.
 *
 * <p>{@link #onStart()} must not block: it starts the threads (or asynchronous clients) that receive, and
 * returns. Those threads call {@code store(...)} with what they receive, check {@link #isStopped()} to know
 * when to end, and call {@link #restart(String, Throwable)} when the source fails, for example when a
 * connection drops; the receiver is then stopped and started again after a delay
 * ({@code dstream.receiver.restartDelay}, 2 s by default). {@link #onStop()} releases what
 * {@code onStart()} acquired; it is called exactly once after each {@code onStart()}, also when
 * {@code onStart()} threw. A receiver runs on a thread of its own, never on a worker thread.
 *
 * <p>{@code store(T)} buffers single records, which become a block every block interval
 * ({@code dstream.blockInterval}); it is subject to the receiver's rate limit. The multi-record variants
 * store one block directly and return only once it is stored (and, with the write-ahead log enabled,
 * logged), so a <em>reliable</em> receiver acknowledges its source after they return.
 *
 * <pre>{@code
 * class CounterSource extends Receiver<Long> {
 *   CounterSource() {
 *     super(StorageLevel.MEMORY_AND_DISK_2);
 *   }
 *
 *   public void onStart() {
 *     new Thread(() -> {
 *       long counter = 0;
 *       while (!isStopped()) {
 *         store(counter++);
 *       }
 *     }, "counter-source").start();
 *   }
 *
 *   public void onStop() {
 *     // the thread ends by itself once isStopped() is true
 *   }
 * }
 * }</pre>
 *
 * @param <T> the type of the records received
 */
public abstract class Receiver<T> {
  /** The storage level of a receiver that does not choose one, as in Spark: serialized, two replicas. */
  public static final StorageLevel DEFAULT_STORAGE_LEVEL = StorageLevel.MEMORY_AND_DISK_SER_2;

  static {
    ReceiverAccess.install((receiver, runtime) -> receiver.attachRuntime(runtime), Receiver::runtime);
  }

  private final StorageLevel storageLevel;
  private volatile ReceiverRuntime runtime;

  /** Creates a receiver that stores its blocks at {@link #DEFAULT_STORAGE_LEVEL}. */
  protected Receiver() {
    this(DEFAULT_STORAGE_LEVEL);
  }

  /**
   * Creates a receiver that stores its blocks at a given level.
   *
   * @param storageLevel where and how received blocks are kept
   * @throws IllegalArgumentException if the level is null or {@link StorageLevel#NONE}
   */
  protected Receiver(StorageLevel storageLevel) {
    Arguments.requireNonNull(storageLevel, "storageLevel");
    if (!storageLevel.isValid()) {
      throw new IllegalArgumentException("a receiver cannot store its blocks at storage level " + storageLevel
          + "; use a level that keeps data, such as " + DEFAULT_STORAGE_LEVEL);
    }
    this.storageLevel = storageLevel;
  }

  /**
   * Starts receiving: starts the threads that receive and returns without blocking. Called on the
   * receiver's own thread when the streaming context starts and after every restart.
   */
  public abstract void onStart();

  /**
   * Stops receiving: releases what {@link #onStart()} acquired (for example, closes a socket so that a
   * blocked read ends). Called once after each {@code onStart()}, when the receiver stops or restarts.
   */
  public abstract void onStop();

  /**
   * Stores one record. Records are buffered and stored as a block every block interval; this call blocks
   * while the receiver's rate limit is exceeded, and, once the buffer is full, while the block store holds
   * all the received data it may (flow control: a source faster than processing is slowed down, never
   * dropped).
   *
   * @param record the record
   * @throws IllegalStateException if the receiver is not running or has been stopped
   */
  public final void store(T record) {
    runtime().pushSingle(record);
  }

  /**
   * Stores records as one block; returns once the block is stored, which waits while the block store holds
   * all the received data it may, until batches have processed some (flow control).
   *
   * @param records the records (copied; an empty list stores nothing)
   * @throws IllegalArgumentException if the list is null
   * @throws IllegalStateException if the receiver is not running or has been stopped
   * @throws io.dstream.storage.BlockStoreException if the block cannot be stored, or the context stopped
   *     while the store waited for room
   */
  public final void store(List<T> records) {
    Arguments.requireNonNull(records, "records");
    store(records, null);
  }

  /**
   * Stores records as one block with metadata reported alongside it; returns once the block is stored.
   *
   * @param records the records (copied; an empty list stores nothing)
   * @param metadata an object reported with the block (for example, the source's offsets), or null
   * @throws IllegalArgumentException if the list is null
   * @throws IllegalStateException if the receiver is not running or has been stopped
   * @throws io.dstream.storage.BlockStoreException if the block cannot be stored, or the context stopped
   *     while the store waited for room
   */
  public final void store(List<T> records, Object metadata) {
    Arguments.requireNonNull(records, "records");
    runtime().pushMultiple(new ArrayList<>(records), metadata);
  }

  /**
   * Stores every remaining record of an iterator as one block; returns once the block is stored.
   *
   * @param records the records
   * @throws IllegalArgumentException if the iterator is null
   * @throws IllegalStateException if the receiver is not running or has been stopped
   * @throws io.dstream.storage.BlockStoreException if the block cannot be stored, or the context stopped
   *     while the store waited for room
   */
  public final void store(Iterator<T> records) {
    Arguments.requireNonNull(records, "records");
    store(records, null);
  }

  /**
   * Stores every remaining record of an iterator as one block with metadata; returns once it is stored.
   *
   * @param records the records
   * @param metadata an object reported with the block, or null
   * @throws IllegalArgumentException if the iterator is null
   * @throws IllegalStateException if the receiver is not running or has been stopped
   * @throws io.dstream.storage.BlockStoreException if the block cannot be stored, or the context stopped
   *     while the store waited for room
   */
  public final void store(Iterator<T> records, Object metadata) {
    Arguments.requireNonNull(records, "records");
    ReceiverRuntime target = runtime();
    List<T> block = new ArrayList<>();
    records.forEachRemaining(block::add);
    target.pushMultiple(block, metadata);
  }

  /**
   * Stores records that arrive already serialized as one block; returns once the block is stored. The bytes
   * (from the buffer's position to its limit) must be a {@code Collection} of records serialized with the
   * context's serializer, as {@code ssc.rawSocketStream} frames are: write them with
   * {@code StreamingConf.serializer()} of the same configuration. They are read now, on the calling thread;
   * the buffer's position is left as it was. Spark's {@code store(ByteBuffer)} likewise expects the bytes of
   * Spark's configured serializer.
   *
   * <pre>{@code
   * // The producer, with the same StreamingConf as the context:
   * ByteBuffer block = ByteBuffer.wrap(conf.serializer().serialize(new ArrayList<>(List.of("a", "b"))));
   * // In the receiver's thread:
   * store(block);   // one block of the records "a" and "b"
   * }</pre>
   *
   * @param bytes the serialized records
   * @throws IllegalArgumentException if the buffer is null, or its bytes are not a collection serialized with
   *     the context's serializer
   * @throws IllegalStateException if the receiver is not running or has been stopped
   * @throws io.dstream.storage.BlockStoreException if the block cannot be stored, or the context stopped
   *     while the store waited for room
   */
  public final void store(ByteBuffer bytes) {
    Arguments.requireNonNull(bytes, "bytes");
    store(bytes, null);
  }

  /**
   * Stores records that arrive already serialized as one block with metadata reported alongside it; otherwise
   * as {@link #store(ByteBuffer)}.
   *
   * @param bytes the serialized records
   * @param metadata an object reported with the block (for example, the source's offsets), or null
   * @throws IllegalArgumentException if the buffer is null, or its bytes are not a collection serialized with
   *     the context's serializer
   * @throws IllegalStateException if the receiver is not running or has been stopped
   * @throws io.dstream.storage.BlockStoreException if the block cannot be stored, or the context stopped
   *     while the store waited for room
   */
  public final void store(ByteBuffer bytes, Object metadata) {
    Arguments.requireNonNull(bytes, "bytes");
    ReceiverRuntime target = runtime();
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    Object block;
    try {
      block = target.serializer().deserialize(copy);
    } catch (CorruptDataException e) {
      throw new IllegalArgumentException(notACollection(copy.length, "cannot be read: " + e.getMessage()), e);
    }
    if (!(block instanceof Collection<?> records)) {
      throw new IllegalArgumentException(notACollection(copy.length,
          "hold " + (block == null ? "null" : "a " + block.getClass().getName())));
    }
    target.pushMultiple(new ArrayList<>(records), metadata);
  }

  private String notACollection(int length, String problem) {
    return "the " + length + " bytes given to store(ByteBuffer) by " + getClass().getName() + " " + problem
        + "; store(ByteBuffer) takes a Collection of records serialized with the context's serializer "
        + "(StreamingConf.serializer())";
  }

  /**
   * Returns the host where Spark should run this receiver; accepted so that Spark receivers that override it
   * compile, and ignored: every receiver runs in this JVM, on a thread of its own.
   *
   * @return empty unless overridden, as Spark's {@code None}
   */
  public Optional<String> preferredLocation() {
    return Optional.empty();
  }

  /**
   * Stops the receiver and starts it again after the default restart delay. Returns at once; the stop
   * ({@link #onStop()}) and the new start happen on the receiver's thread.
   *
   * @param message why, for the log and for listeners
   * @throws IllegalStateException if the receiver is not running
   */
  public final void restart(String message) {
    Arguments.requireNonNull(message, "message");
    runtime().restart(message, null);
  }

  /**
   * Stops the receiver, reports an error, and starts the receiver again after the default restart delay.
   *
   * @param message why, for the log and for listeners
   * @param error the error that made the restart necessary, or null
   * @throws IllegalStateException if the receiver is not running
   */
  public final void restart(String message, Throwable error) {
    Arguments.requireNonNull(message, "message");
    runtime().restart(message, error);
  }

  /**
   * Stops the receiver, reports an error, and starts the receiver again after a given delay.
   *
   * @param message why, for the log and for listeners
   * @param error the error that made the restart necessary, or null
   * @param delayMs how long to wait before starting again, in milliseconds
   * @throws IllegalArgumentException if the delay is negative
   * @throws IllegalStateException if the receiver is not running
   */
  public final void restart(String message, Throwable error, long delayMs) {
    Arguments.requireNonNull(message, "message");
    if (delayMs < 0) {
      throw new IllegalArgumentException("the restart delay must not be negative, got " + delayMs + " ms");
    }
    runtime().restart(message, error, delayMs);
  }

  /**
   * Stops the receiver for good. Returns at once; {@link #onStop()} is called on the receiver's thread.
   *
   * @param message why, for the log and for listeners
   * @throws IllegalStateException if the receiver is not running
   */
  public final void stop(String message) {
    Arguments.requireNonNull(message, "message");
    runtime().stop(message, null);
  }

  /**
   * Stops the receiver for good because of an error.
   *
   * @param message why, for the log and for listeners
   * @param error the error, or null
   * @throws IllegalStateException if the receiver is not running
   */
  public final void stop(String message, Throwable error) {
    Arguments.requireNonNull(message, "message");
    runtime().stop(message, error);
  }

  /**
   * Reports an error to listeners and the log; the receiver keeps running.
   *
   * @param message what happened
   * @param error the error, or null
   * @throws IllegalStateException if the receiver is not running
   */
  public final void reportError(String message, Throwable error) {
    Arguments.requireNonNull(message, "message");
    runtime().reportError(message, error);
  }

  /**
   * Tells whether the receiver is running: true from the call of {@link #onStart()} until a stop or a
   * restart begins.
   *
   * @return true while started
   */
  public final boolean isStarted() {
    ReceiverRuntime current = runtime;
    return current != null && current.isReceiverStarted();
  }

  /**
   * Tells whether the receiver has been stopped or is being restarted; receiving threads end when this
   * turns true. False before the receiver is first started.
   *
   * @return true once a stop or restart has begun
   */
  public final boolean isStopped() {
    ReceiverRuntime current = runtime;
    return current != null && current.isReceiverStopped();
  }

  /**
   * Returns where and how the received blocks are kept.
   *
   * @return the storage level given to the constructor
   */
  public final StorageLevel storageLevel() {
    return storageLevel;
  }

  /**
   * Returns the id of the input stream this receiver feeds.
   *
   * @return the stream id
   * @throws IllegalStateException if the receiver has not been started yet
   */
  public final int streamId() {
    return runtime().streamId();
  }

  private ReceiverRuntime runtime() {
    ReceiverRuntime current = runtime;
    if (current == null) {
      throw new IllegalStateException("the receiver " + getClass().getName() + " is not running yet; its "
          + "store, restart, stop and streamId methods work once the streaming context has started it (call "
          + "them from onStart() or from threads it starts)");
    }
    return current;
  }

  private synchronized void attachRuntime(ReceiverRuntime newRuntime) {
    if (runtime != null && runtime != newRuntime) {
      throw new IllegalStateException("the receiver " + getClass().getName() + " already feeds stream "
          + runtime.streamId() + "; a receiver object runs once: create a new receiver for each stream");
    }
    runtime = newRuntime;
  }
}

package io.dstream.receiver.internal;

import io.dstream.checkpoint.serializer.Serializer;
import java.util.List;

/**
 * What a {@link io.dstream.receiver.Receiver} delegates to once it runs: the {@link ReceiverSupervisor}
 * in production, a recording double in tests. Every method may be called from any thread.
 */
public interface ReceiverRuntime {
  /**
   * Returns the id of the input stream whose data the receiver receives.
   *
   * @return the stream id
   */
  int streamId();

  /**
   * Buffers one record; it becomes part of the next block.
   *
   * @param record the record (null allowed)
   * @throws IllegalStateException if the receiver has been stopped
   */
  void pushSingle(Object record);

  /**
   * Buffers records {@code [0, count)} of an array as that many {@link #pushSingle} calls would, in one call:
   * the bulk path of a receiver that decodes many records at once (the socket text receiver's lines). The
   * array stays the caller's.
   *
   * @param records the records (null elements allowed)
   * @param count how many of the array's first records to buffer
   * @throws IllegalArgumentException if the count is out of the array's range
   * @throws IllegalStateException if the receiver has been stopped
   */
  default void pushSingles(Object[] records, int count) {
    if (count < 0 || count > records.length) {
      throw new IllegalArgumentException("cannot buffer " + count + " records of an array of " + records.length);
    }
    for (int i = 0; i < count; i++) {
      pushSingle(records[i]);
    }
  }

  /**
   * Stores records as one block and returns once it is stored and reported.
   *
   * @param records the records, owned by the runtime from now on
   * @param metadata an object reported with the block, or null
   * @throws IllegalStateException if the receiver has been stopped
   * @throws io.dstream.storage.BlockStoreException if the block cannot be stored
   */
  void pushMultiple(List<?> records, Object metadata);

  /**
   * Returns the serializer of the context the receiver feeds: what reads the bytes a receiver stores with
   * {@code store(ByteBuffer)}.
   *
   * @return the serializer
   */
  Serializer serializer();

  /**
   * Asks for the receiver to be stopped and started again after the default delay.
   *
   * @param message why
   * @param error the error that caused it, or null
   */
  void restart(String message, Throwable error);

  /**
   * Asks for the receiver to be stopped and started again after a delay.
   *
   * @param message why
   * @param error the error that caused it, or null
   * @param delayMs how long to wait before starting again, not negative
   * @throws IllegalArgumentException if the delay is negative
   */
  void restart(String message, Throwable error, long delayMs);

  /**
   * Asks for the receiver to be stopped for good.
   *
   * @param message why
   * @param error the error that caused it, or null
   */
  void stop(String message, Throwable error);

  /**
   * Reports an error without stopping the receiver.
   *
   * @param message what happened
   * @param error the error, or null
   */
  void reportError(String message, Throwable error);

  /**
   * Tells whether the receiver is starting or running.
   *
   * @return true between the call of {@code onStart()} and a stop or restart
   */
  boolean isReceiverStarted();

  /**
   * Tells whether the receiver is stopped, being stopped, or waiting to be restarted.
   *
   * @return true once a stop or restart has begun
   */
  boolean isReceiverStopped();
}

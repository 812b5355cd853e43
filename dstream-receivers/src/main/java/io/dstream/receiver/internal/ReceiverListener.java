package io.dstream.receiver.internal;

/**
 * What a {@link ReceiverSupervisor} reports to the engine (the receiver tracker in dstream-core): stored
 * blocks and the receiver's lifecycle. Not the user-facing listener API. The lifecycle methods are called on
 * the supervisor's thread; {@link #onBlockStored} on the thread that stored the block. Every method has an
 * empty default.
 */
public interface ReceiverListener {
  /** A listener that ignores every report. */
  ReceiverListener NONE = new ReceiverListener() {};

  /**
   * The receiver's {@code onStart()} returned; called after the first start and after every restart.
   *
   * @param streamId the receiver's stream
   */
  default void onReceiverStarted(int streamId) {}

  /**
   * A block was stored. An exception thrown here fails the store: {@code store(List)} throws it, and a
   * block of single records is reported as an error.
   *
   * @param block the stored block
   */
  default void onBlockStored(ReceivedBlockInfo block) {}

  /**
   * The receiver reported an error, is being restarted, or failed in {@code onStart()} or
   * {@code onStop()}, or a block of single records could not be stored.
   *
   * @param streamId the receiver's stream
   * @param message what happened
   * @param error the error, or null
   */
  default void onReceiverError(int streamId, String message, Throwable error) {}

  /**
   * The receiver has stopped for good and every record it stored has been reported.
   *
   * @param streamId the receiver's stream
   * @param message why it stopped
   * @param error the error that stopped it, or null
   */
  default void onReceiverStopped(int streamId, String message, Throwable error) {}
}

package io.dstream.scheduler;

/**
 * Receives the events of a running context: batches submitted, started and completed, each output
 * operation's start and end, and receivers started, failing and stopped. Register one with {@code ssc.addStreamingListener(listener)}.
 *
 * <p>Events are delivered on one dedicated thread, in the order they happened; a slow listener delays
 * only later events, never the batches. An exception thrown by a listener is logged and does not stop
 * delivery. Every method has an empty default, so implement only what you need:
 *
 * <pre>{@code
 * ssc.addStreamingListener(new StreamingListener() {
 *   public void onBatchCompleted(StreamingListenerBatchCompleted event) {
 *     System.out.println("batch " + event.batchInfo().batchTime() + " took "
 *         + event.batchInfo().processingDelay().orElse(-1L) + " ms");
 *   }
 * });
 * }</pre>
 */
public interface StreamingListener {
  /**
   * Called once when the context starts.
   *
   * @param event the event
   */
  default void onStreamingStarted(StreamingListenerStreamingStarted event) {}

  /**
   * Called when a batch's jobs are generated and submitted.
   *
   * @param event the event
   */
  default void onBatchSubmitted(StreamingListenerBatchSubmitted event) {}

  /**
   * Called when a batch's first job starts.
   *
   * @param event the event
   */
  default void onBatchStarted(StreamingListenerBatchStarted event) {}

  /**
   * Called when all of a batch's jobs have ended; {@code batchInfo().outputOperationInfos()} tells which
   * failed and why.
   *
   * @param event the event
   */
  default void onBatchCompleted(StreamingListenerBatchCompleted event) {}

  /**
   * Called when an output operation's job starts.
   *
   * @param event the event
   */
  default void onOutputOperationStarted(StreamingListenerOutputOperationStarted event) {}

  /**
   * Called when an output operation's job ends; {@code failure()} holds the user's exception if it failed.
   *
   * @param event the event
   */
  default void onOutputOperationCompleted(StreamingListenerOutputOperationCompleted event) {}

  /**
   * Called when a receiver has started, and again after each restart.
   *
   * @param event the event
   */
  default void onReceiverStarted(StreamingListenerReceiverStarted event) {}

  /**
   * Called when a receiver reports an error or fails; a failed receiver restarts after the restart delay.
   *
   * @param event the event; {@code receiverInfo().lastError()} holds the exception, if any
   */
  default void onReceiverError(StreamingListenerReceiverError event) {}

  /**
   * Called when a receiver has stopped for good.
   *
   * @param event the event
   */
  default void onReceiverStopped(StreamingListenerReceiverStopped event) {}

  /**
   * Called, in a scale-out application, when this instance is given input partitions.
   *
   * @param event the event
   */
  default void onPartitionsAssigned(StreamingListenerPartitionsAssigned event) {}

  /**
   * Called, in a scale-out application, when this instance has given up input partitions.
   *
   * @param event the event
   */
  default void onPartitionsRevoked(StreamingListenerPartitionsRevoked event) {}

  /**
   * Called, in a scale-out application, when this instance has restored a gained partition's state.
   *
   * @param event the event
   */
  default void onStateRestored(StreamingListenerStateRestored event) {}
}

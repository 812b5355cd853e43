package io.dstream.scheduler;

/** An event of a running {@link io.dstream.StreamingContext}, delivered to {@link StreamingListener}s. */
public sealed interface StreamingListenerEvent permits StreamingListenerStreamingStarted,
    StreamingListenerBatchSubmitted, StreamingListenerBatchStarted, StreamingListenerBatchCompleted,
    StreamingListenerOutputOperationStarted, StreamingListenerOutputOperationCompleted,
    StreamingListenerReceiverStarted, StreamingListenerReceiverError, StreamingListenerReceiverStopped,
    StreamingListenerPartitionsAssigned, StreamingListenerPartitionsRevoked, StreamingListenerStateRestored {}

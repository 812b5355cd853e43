package io.dstream.scheduler;

/**
 * Posted when the first job of a batch starts running.
 *
 * @param batchInfo the batch, with its processing start time
 */
public record StreamingListenerBatchStarted(BatchInfo batchInfo) implements StreamingListenerEvent {}

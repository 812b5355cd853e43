package io.dstream.scheduler;

/**
 * Posted when every job of a batch has finished, successfully or not.
 *
 * @param batchInfo the batch, with all times and each output operation's outcome
 */
public record StreamingListenerBatchCompleted(BatchInfo batchInfo) implements StreamingListenerEvent {}

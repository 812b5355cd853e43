package io.dstream.scheduler;

/**
 * Posted when a batch's jobs have been generated and handed to the scheduler.
 *
 * @param batchInfo the batch, without processing times yet
 */
public record StreamingListenerBatchSubmitted(BatchInfo batchInfo) implements StreamingListenerEvent {}

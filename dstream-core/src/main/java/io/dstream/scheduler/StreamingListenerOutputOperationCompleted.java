package io.dstream.scheduler;

/**
 * Posted when an output operation's job for a batch ends, successfully or not.
 *
 * @param outputOperationInfo the output operation, with its end time and failure, if any
 */
public record StreamingListenerOutputOperationCompleted(OutputOperationInfo outputOperationInfo) implements StreamingListenerEvent {}

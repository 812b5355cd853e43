package io.dstream.scheduler;

/**
 * Posted when an output operation's job for a batch starts.
 *
 * @param outputOperationInfo the output operation, with its start time
 */
public record StreamingListenerOutputOperationStarted(OutputOperationInfo outputOperationInfo) implements StreamingListenerEvent {}

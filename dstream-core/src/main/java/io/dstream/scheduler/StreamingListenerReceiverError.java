package io.dstream.scheduler;

/**
 * Posted when a receiver reports an error or fails: a refused or dropped connection, a failing
 * {@code onStart()}, a restart it asked for with an error, or a block it could not store. The receiver keeps
 * running or restarts after the restart delay; the context goes on.
 *
 * @param receiverInfo the receiver, with the error in {@code lastErrorMessage()} and {@code lastError()}
 */
public record StreamingListenerReceiverError(ReceiverInfo receiverInfo) implements StreamingListenerEvent {}

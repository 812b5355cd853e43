package io.dstream.scheduler;

/**
 * Posted when a receiver has started: after the context starts it, and again after every restart.
 *
 * @param receiverInfo the receiver
 */
public record StreamingListenerReceiverStarted(ReceiverInfo receiverInfo) implements StreamingListenerEvent {}

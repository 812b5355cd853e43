package io.dstream.scheduler;

/**
 * Posted when a receiver has stopped for good (the context stopped, or the receiver called {@code stop}),
 * after every record it stored has become a block.
 *
 * @param receiverInfo the receiver, no longer active
 */
public record StreamingListenerReceiverStopped(ReceiverInfo receiverInfo) implements StreamingListenerEvent {}

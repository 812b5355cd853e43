package io.dstream.scheduler;

/**
 * Posted once when the context starts.
 *
 * @param time the start time, in milliseconds of the context's clock
 */
public record StreamingListenerStreamingStarted(long time) implements StreamingListenerEvent {}

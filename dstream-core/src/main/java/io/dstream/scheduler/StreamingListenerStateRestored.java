package io.dstream.scheduler;

/**
 * Posted, in a scale-out application, when this instance has restored the state of a partition it gained from
 * the state's changelog topic.
 *
 * @param state the changelog topic
 * @param partition the partition restored
 * @param keys how many keys it holds
 * @param records how many changelog records were read
 * @param durationMillis how long the restore took
 */
public record StreamingListenerStateRestored(String state, int partition, long keys, long records,
    long durationMillis) implements StreamingListenerEvent {}

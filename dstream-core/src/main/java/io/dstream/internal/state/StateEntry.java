package io.dstream.internal.state;

/**
 * The state of one key in a {@link StateMap}, with the batch time it was last set or refreshed.
 *
 * @param state the state
 * @param updateTime the time of the batch that last set it, or that last brought data for the key while a
 *     timeout is set, in milliseconds
 * @param <S> the state type
 */
public record StateEntry<S>(S state, long updateTime) {}

package io.dstream.internal.state;

import java.util.List;

/**
 * The one record of each partition of a {@code mapWithState} stream's internal state RDD: the partition's
 * state after the batch, and the records the mapping function returned in that batch.
 *
 * @param stateMap the state after the batch
 * @param mapped the mapped records of the batch, in the order the function returned them
 * @param <K> the key type
 * @param <S> the state type
 * @param <T> the mapped record type
 */
public record StatePartition<K, S, T>(StateMap<K, S> stateMap, List<T> mapped) {}

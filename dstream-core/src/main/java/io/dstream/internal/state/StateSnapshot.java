package io.dstream.internal.state;

import java.util.List;

/**
 * What a stateful stream writes to its checkpoint directory every checkpoint interval: the keys and states
 * of each partition (and, for {@code mapWithState}, when each was last updated), in plain arrays so that
 * the serialized form depends on no engine class.
 *
 * @param partitions the partitions, in order
 */
public record StateSnapshot(List<Partition> partitions) {

  /**
   * The state of one partition: entry {@code i} is {@code keys[i]}, {@code states[i]},
   * {@code updateTimes[i]}.
   *
   * @param keys the keys
   * @param states the states
   * @param updateTimes the update times in ms ({@code mapWithState}), or an empty array
   *     ({@code updateStateByKey}, which has none)
   */
  public record Partition(Object[] keys, Object[] states, long[] updateTimes) {}

  /**
   * Returns the number of entries over all partitions.
   *
   * @return the count
   */
  public long size() {
    long size = 0;
    for (Partition partition : partitions) {
      size += partition.keys().length;
    }
    return size;
  }
}

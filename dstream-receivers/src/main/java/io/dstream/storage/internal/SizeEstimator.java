package io.dstream.storage.internal;

import java.util.List;

/**
 * Estimates how many bytes of heap a block's records take when they are kept as objects, so that the
 * memory store can keep its byte limit for deserialized storage levels. Serialized blocks are measured
 * exactly (their byte length) and need no estimate.
 */
@FunctionalInterface
public interface SizeEstimator {
  /**
   * Estimates the heap size of a block.
   *
   * @param records the block's records
   * @return the estimated size in bytes, positive
   */
  long estimate(List<?> records);
}

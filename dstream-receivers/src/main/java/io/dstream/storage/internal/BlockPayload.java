package io.dstream.storage.internal;

import io.dstream.checkpoint.serializer.Serializer;
import java.util.List;

/**
 * The records of one block being stored, with their serialized form and estimated size computed at most
 * once, however many replicas and tiers need them. Used by one storing thread at a time.
 */
final class BlockPayload {
  private final List<?> records;
  private final Serializer serializer;
  private final SizeEstimator estimator;
  private byte[] bytes;
  private long estimatedSize = -1;

  BlockPayload(List<?> records, Serializer serializer, SizeEstimator estimator) {
    this.records = records;
    this.serializer = serializer;
    this.estimator = estimator;
  }

  List<?> records() {
    return records;
  }

  /**
   * Returns the serialized records.
   *
   * @throws IllegalArgumentException if a record cannot be serialized
   */
  byte[] bytes() {
    if (bytes == null) {
      bytes = BlockBytes.encode(records, serializer);
    }
    return bytes;
  }

  long estimatedSize() {
    if (estimatedSize < 0) {
      estimatedSize = estimator.estimate(records);
    }
    return estimatedSize;
  }
}

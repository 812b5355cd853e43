package io.dstream.kafka.internal;

import io.dstream.Time;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * The offsets a scale-out instance commits with each batch carry the batch's time in their metadata
 * ({@code dstream-batch=<ms>}), so that the next owner of a partition knows the last batch that read it.
 */
final class BatchOffsets {
  private static final String PREFIX = "dstream-batch=";

  private BatchOffsets() {}

  /**
   * Returns the offset to commit for a partition after a batch.
   *
   * @param offset where the next batch starts
   * @param batch the batch
   * @return the offset, with the batch time as metadata
   */
  static OffsetAndMetadata of(long offset, Time batch) {
    return new OffsetAndMetadata(offset, PREFIX + batch.milliseconds());
  }

  /**
   * Returns the time of the batch that committed an offset.
   *
   * @param committed the committed offset, or null
   * @return the batch time in ms, or {@code Long.MIN_VALUE} if unknown (none committed, or by something else)
   */
  static long batchTimeOf(OffsetAndMetadata committed) {
    if (committed == null || committed.metadata() == null || !committed.metadata().startsWith(PREFIX)) {
      return Long.MIN_VALUE;
    }
    try {
      return Long.parseLong(committed.metadata().substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }
}

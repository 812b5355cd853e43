package io.dstream.scheduler;

import io.dstream.Time;
import java.util.List;

/**
 * Posted, in a scale-out application, when this instance gives up input partitions to its consumer group,
 * after every batch that read them has been committed: the batch at {@code time} no longer reads them, and
 * their state is dropped here (the new owner restores it from the changelog).
 *
 * @param time the first batch that no longer reads the partitions
 * @param revoked the partitions given up, such as {@code lines-3}
 * @param owned every partition the instance still owns
 */
public record StreamingListenerPartitionsRevoked(Time time, List<String> revoked, List<String> owned)
    implements StreamingListenerEvent {
  /**
   * Copies the lists.
   *
   * @param time the first batch that no longer reads the partitions
   * @param revoked the partitions given up
   * @param owned every partition the instance still owns
   */
  public StreamingListenerPartitionsRevoked {
    revoked = List.copyOf(revoked);
    owned = List.copyOf(owned);
  }
}

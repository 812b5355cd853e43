package io.dstream.scheduler;

import io.dstream.Time;
import java.util.List;

/**
 * Posted, in a scale-out application, when this instance is given input partitions by its consumer group: it
 * reads them from the batch at {@code time} on, restoring their state first where it keeps state.
 *
 * @param time the first batch that reads the gained partitions
 * @param gained the partitions gained, such as {@code lines-3}
 * @param owned every partition the instance owns now
 */
public record StreamingListenerPartitionsAssigned(Time time, List<String> gained, List<String> owned)
    implements StreamingListenerEvent {
  /**
   * Copies the lists.
   *
   * @param time the first batch that reads the gained partitions
   * @param gained the partitions gained
   * @param owned every partition the instance owns now
   */
  public StreamingListenerPartitionsAssigned {
    gained = List.copyOf(gained);
    owned = List.copyOf(owned);
  }
}

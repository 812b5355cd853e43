package io.dstream.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The records a stream produced, batch by batch, as collected by {@link TestStreamingContext#collect}.
 * Thread-safe.
 *
 * @param <T> the record type
 */
public final class CollectedOutput<T> {
  private final List<List<T>> batches = new ArrayList<>();

  CollectedOutput() {}

  // Records may be null (the engine carries null records everywhere), which List.copyOf refuses.
  synchronized void add(List<T> batch) {
    batches.add(Collections.unmodifiableList(new ArrayList<>(batch)));
  }

  /**
   * Returns one list per batch in which the stream had an RDD (empty batches included), oldest first,
   * each in the RDD's partition order.
   *
   * @return an unmodifiable snapshot
   */
  public synchronized List<List<T>> batches() {
    return Collections.unmodifiableList(new ArrayList<>(batches));
  }

  @Override
  public synchronized String toString() {
    return batches.toString();
  }
}

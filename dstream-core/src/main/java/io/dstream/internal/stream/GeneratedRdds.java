package io.dstream.internal.stream;

import io.dstream.Time;
import io.dstream.internal.rdd.RddNode;
import io.dstream.storage.StorageLevel;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The RDDs one stream generated, by batch time, until the stream forgets them. An RDD that was persisted
 * here (at the stream's storage level) is unpersisted when it is forgotten; one the user's function had
 * persisted itself is left alone. Not thread-safe: its stream guards it.
 *
 * @param <T> the record type
 */
final class GeneratedRdds<T> {
  private record Generated<T>(RddNode<T> rdd, boolean persistedHere) {}

  private final Map<Time, Generated<T>> byTime = new TreeMap<>();

  /** Returns the RDD generated for a time, or null. */
  RddNode<T> get(Time time) {
    Generated<T> generated = byTime.get(time);
    return generated == null ? null : generated.rdd();
  }

  /** Remembers the RDD of a time, persisting it at a level unless the level is NONE or it is persisted. */
  void add(Time time, RddNode<T> rdd, StorageLevel level) {
    boolean persistHere = level.isValid() && rdd.storageLevel().equals(StorageLevel.NONE);
    if (persistHere) {
      rdd.persist(level);
    }
    byTime.put(time, new Generated<>(rdd, persistHere));
  }

  /** Returns how many RDDs are remembered. */
  int size() {
    return byTime.size();
  }

  /**
   * Forgets the RDDs of every time up to and including {@code oldest}, unpersisting those persisted here.
   *
   * @return the latest time forgotten, or null if none was
   */
  Time forgetUpTo(Time oldest) {
    Time latestForgotten = null;
    Iterator<Map.Entry<Time, Generated<T>>> it = byTime.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Time, Generated<T>> entry = it.next();
      if (entry.getKey().greater(oldest)) {
        break;
      }
      if (entry.getValue().persistedHere()) {
        entry.getValue().rdd().unpersist();
      }
      latestForgotten = entry.getKey();
      it.remove();
    }
    return latestForgotten;
  }
}

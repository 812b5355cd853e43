package io.dstream.internal.stream;

import io.dstream.Time;
import io.dstream.internal.rdd.RddNode;
import io.dstream.storage.StorageLevel;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The RDDs one stream generated, by batch time, until the stream forgets them. An RDD that was persisted
 * here (at the stream's storage level) is unpersisted when it is forgotten; one the user's function had
 * persisted itself is left alone. Thread-safe without locks: its stream adds to it under the stream's
 * monitor (so one time is added once), and any thread may read it or forget from it.
 *
 * @param <T> the record type
 */
final class GeneratedRdds<T> {
  private record Generated<T>(RddNode<T> rdd, boolean persistedHere) {}

  private final ConcurrentNavigableMap<Time, Generated<T>> byTime = new ConcurrentSkipListMap<>();

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
    for (Map.Entry<Time, Generated<T>> entry : byTime.headMap(oldest, true).entrySet()) {
      // Only the thread whose removal succeeds unpersists, should two forget at once.
      if (byTime.remove(entry.getKey(), entry.getValue())) {
        if (entry.getValue().persistedHere()) {
          entry.getValue().rdd().unpersist();
        }
        latestForgotten = entry.getKey();
      }
    }
    return latestForgotten;
  }
}

package io.dstream.internal.rdd;

import io.dstream.rdd.JobFailedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * {@code takeOrdered} and {@code top}: the first {@code n} records in an order. Each task keeps the
 * {@code n} first records of its partition in a bounded heap, so a task holds at most {@code n} records
 * whatever the partition's size; the caller merges the partitions' candidates.
 */
public final class TakeOrdered {
  // PriorityQueue refuses null elements; records may be null, so the heap holds this in their place.
  private static final Object NULL = new Object();

  private TakeOrdered() {}

  /**
   * Returns the first {@code n} records in an order, sorted. Runs a job; shuffles nothing.
   *
   * @param node the records
   * @param n how many records
   * @param order the order
   * @param operation the operation's name, for messages
   * @param <T> the record type
   * @return a new mutable list of at most {@code n} records
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws JobFailedException if a task fails, or the order fails while the partitions' records are merged
   */
  public static <T> List<T> first(RddNode<T> node, int n, Comparator<? super T> order, String operation) {
    if (n < 0) {
      throw new IllegalArgumentException(operation + "(" + n + "): the number of records must not be negative");
    }
    if (n == 0) {
      return new ArrayList<>();
    }
    Comparator<Object> masked = (a, b) -> order.compare(unmask(a), unmask(b));
    List<Object> candidates = new ArrayList<>();
    for (List<Object> part : node.engine().jobRunner().runJob(node, (p, records) -> keepFirst(records, n, masked))) {
      candidates.addAll(part);
    }
    try {
      candidates.sort(masked);
    } catch (RuntimeException e) {
      throw new JobFailedException(operation + ": the comparator failed while merging the tasks' results: " + e, e);
    }
    List<T> first = new ArrayList<>(Math.min(n, candidates.size()));
    for (Object candidate : candidates.subList(0, Math.min(n, candidates.size()))) {
      first.add(unmask(candidate));
    }
    return first;
  }

  private static List<Object> keepFirst(Iterator<?> records, int n, Comparator<Object> order) {
    // The heap's head is the last of the kept records: the one a better record replaces.
    PriorityQueue<Object> kept = new PriorityQueue<>(Math.min(n, 1024), order.reversed());
    while (records.hasNext()) {
      Object record = mask(records.next());
      if (kept.size() < n) {
        kept.add(record);
      } else if (order.compare(record, kept.peek()) < 0) {
        kept.poll();
        kept.add(record);
      }
    }
    return new ArrayList<>(kept);
  }

  private static Object mask(Object record) {
    return record == null ? NULL : record;
  }

  @SuppressWarnings("unchecked")
  private static <T> T unmask(Object stored) {
    return stored == NULL ? null : (T) stored;
  }
}

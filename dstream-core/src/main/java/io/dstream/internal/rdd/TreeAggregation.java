package io.dstream.internal.rdd;

import io.dstream.function.Function2;
import io.dstream.rdd.JobFailedException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * {@code reduce}, {@code aggregate} and their tree forms. A job folds each partition into a partial result;
 * with a depth above 1 and many partitions, further jobs then combine the partial results level by level,
 * each level's tasks folding a slice of the level below in parallel; the caller combines the last few.
 * Depth 1 is the plain {@code reduce} or {@code aggregate}: the caller combines every partition's result.
 * No level shuffles: partial results are passed to the next level's tasks by reference.
 *
 * <p>Partial results are never a merge function's first argument: a level's task folds them into a copy of
 * the zero value, or for a reduce into a copy of the first one, so a task that fails and runs again finds them
 * unchanged.
 */
public final class TreeAggregation {
  private TreeAggregation() {}

  /**
   * Reduces the records with an associative and commutative function.
   *
   * @param node the records
   * @param f the function; may modify and return its first argument
   * @param depth how many levels of combining: 1 for a plain reduce, 2 or more for a tree
   * @param operation the operation's name, for messages
   * @param ifEmpty what an empty RDD should use instead, for the message of an empty one
   * @param <T> the record type
   * @return the reduced value
   * @throws IllegalArgumentException if {@code depth} is less than 1
   * @throws NoSuchElementException if there are no records
   * @throws JobFailedException if a task fails, or {@code f} fails while the last results are merged
   */
  public static <T> T reduce(RddNode<T> node, Function2<T, T, T> f, int depth, String operation, String ifEmpty) {
    requireDepth(operation, depth);
    ValueCopier copier = node.engine().valueCopier();
    List<Object[]> partials =
        node.engine().jobRunner().runJob(node, (p, records) -> reducePartition(records, f, copier));
    partials = combineInLevels(node.engine(), partials, depth, (p, slice) -> {
      Object[] acc = new Object[0];
      while (slice.hasNext()) {
        Object[] partial = slice.next();
        if (partial.length == 1) {
          acc = new Object[] {acc.length == 0 ? copier.copy(partial[0]) : f.call(value(acc), value(partial))};
        }
      }
      return acc;
    });
    boolean found = false;
    T result = null;
    for (Object[] partial : partials) {
      if (partial.length == 1) {
        result = found ? mergeInCaller(operation, f, result, value(partial)) : value(partial);
        found = true;
      }
    }
    if (!found) {
      throw new NoSuchElementException(operation + " on an empty RDD; " + ifEmpty);
    }
    return result;
  }

  /**
   * Aggregates the records: each partition folded with {@code seqOp} into a copy of the zero value, then the
   * partitions' results merged with {@code combOp}.
   *
   * @param node the records
   * @param zeroValue the neutral value; copied for each partition and merge, so it may be mutable
   * @param seqOp folds a record into an accumulator; may modify and return its first argument
   * @param combOp merges two accumulators; may modify and return its first argument
   * @param depth how many levels of combining: 1 for a plain aggregate, 2 or more for a tree
   * @param operation the operation's name, for messages
   * @param <T> the record type
   * @param <U> the accumulator type
   * @return the aggregate; a copy of the zero value if there are no records
   * @throws IllegalArgumentException if {@code depth} is less than 1 or the zero value cannot be copied
   * @throws JobFailedException if a task fails, or {@code combOp} fails while the last results are merged
   */
  public static <T, U> U aggregate(RddNode<T> node, U zeroValue, Function2<U, T, U> seqOp,
      Function2<U, U, U> combOp, int depth, String operation) {
    requireDepth(operation, depth);
    ValueCopier copier = node.engine().valueCopier();
    U result = copier.copy(zeroValue);
    List<U> partials = node.engine().jobRunner().runJob(node, (p, records) -> {
      U acc = copier.copy(zeroValue);
      while (records.hasNext()) {
        acc = seqOp.call(acc, records.next());
      }
      return acc;
    });
    partials = combineInLevels(node.engine(), partials, depth, (p, slice) -> {
      U acc = copier.copy(zeroValue);
      while (slice.hasNext()) {
        acc = combOp.call(acc, slice.next());
      }
      return acc;
    });
    for (U partial : partials) {
      result = mergeInCaller(operation, combOp, result, partial);
    }
    return result;
  }

  /**
   * Calls a merge function on the caller's thread, where a failure is not a task's: it fails the action as a
   * task's would.
   *
   * @param operation the operation's name, for the message
   * @param f the merge function
   * @param a its first argument
   * @param b its second argument
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the result type
   * @return what {@code f} returns
   * @throws JobFailedException if {@code f} throws, with its exception as the cause
   */
  public static <A, B, C> C mergeInCaller(String operation, Function2<A, B, C> f, A a, B b) {
    try {
      return f.call(a, b);
    } catch (Exception e) {
      throw new JobFailedException(operation + ": a function failed while merging the tasks' results: " + e, e);
    }
  }

  /**
   * Combines partial results in levels of parallel tasks, as long as a level saves work: with {@code n}
   * partials and a fan-in of {@code scale = max(2, ceil(n^(1/depth)))}, a level folds them into
   * {@code n / scale} while {@code n > scale + ceil(n / scale)}.
   */
  private static <P> List<P> combineInLevels(Engine engine, List<P> partials, int depth, TaskFunction<P, P> fold) {
    int count = partials.size();
    int scale = Math.max((int) Math.ceil(Math.pow(count, 1.0 / depth)), 2);
    List<P> level = partials;
    while (count > scale + (count + scale - 1) / scale) {
      count /= scale;
      level = engine.jobRunner().runJob(new ParallelCollectionRddNode<>(engine, level, count), fold);
    }
    return level;
  }

  /**
   * Reduces one partition's records. They are the RDD's own (a parallelized list's elements, cached records), so
   * the one that becomes {@code f}'s first argument is a copy, made only once a second record arrives, as is
   * any record {@code f} returns as it was given: {@code f} may modify its first argument.
   */
  private static <T> Object[] reducePartition(Iterator<T> records, Function2<T, T, T> f, ValueCopier copier)
      throws Exception {
    if (!records.hasNext()) {
      return new Object[0];
    }
    T first = records.next();
    if (!records.hasNext()) {
      return new Object[] {first};
    }
    T acc = copier.copy(first);
    while (records.hasNext()) {
      T next = records.next();
      acc = f.call(acc, next);
      if (acc == next) {
        acc = copier.copy(next);
      }
    }
    return new Object[] {acc};
  }

  private static void requireDepth(String operation, int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException(operation + ": the depth must be at least 1, got " + depth
          + "; 2 (the default) suits most RDDs");
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T value(Object[] holder) {
    return (T) holder[0];
  }
}

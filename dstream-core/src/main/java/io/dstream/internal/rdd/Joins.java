package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The joins of one key, from its cogrouped values on each side: the output records are produced lazily,
 * one {@link Tuple2} per joined pair, with no intermediate collections. A null value on a side that a
 * join wraps in {@link Optional} becomes {@code Optional.empty()}.
 */
public final class Joins {
  private Joins() {}

  /**
   * Inner join: every pair of a left and a right value.
   *
   * @param left the left side's values of the key
   * @param right the right side's values of the key
   * @param <V> the left value type
   * @param <W> the right value type
   * @return the pairs; none if either side is empty
   */
  public static <V, W> Iterator<Tuple2<V, W>> inner(Iterable<V> left, Iterable<W> right) {
    return product(list(left), list(right), Tuple2::new);
  }

  /**
   * Left outer join: every left value with each right value, or with {@code Optional.empty()} if there is
   * none.
   *
   * @param left the left side's values of the key
   * @param right the right side's values of the key
   * @param <V> the left value type
   * @param <W> the right value type
   * @return the pairs
   */
  public static <V, W> Iterator<Tuple2<V, Optional<W>>> leftOuter(Iterable<V> left, Iterable<W> right) {
    List<W> rights = list(right);
    if (rights.isEmpty()) {
      return map(list(left), v -> new Tuple2<>(v, Optional.empty()));
    }
    return product(list(left), rights, (v, w) -> new Tuple2<>(v, Optional.ofNullable(w)));
  }

  /**
   * Right outer join: every right value with each left value, or with {@code Optional.empty()} if there is
   * none.
   *
   * @param left the left side's values of the key
   * @param right the right side's values of the key
   * @param <V> the left value type
   * @param <W> the right value type
   * @return the pairs
   */
  public static <V, W> Iterator<Tuple2<Optional<V>, W>> rightOuter(Iterable<V> left, Iterable<W> right) {
    List<V> lefts = list(left);
    if (lefts.isEmpty()) {
      return map(list(right), w -> new Tuple2<>(Optional.empty(), w));
    }
    return product(lefts, list(right), (v, w) -> new Tuple2<>(Optional.ofNullable(v), w));
  }

  /**
   * Full outer join: every value of either side with each value of the other, or with
   * {@code Optional.empty()} where the other side is empty.
   *
   * @param left the left side's values of the key
   * @param right the right side's values of the key
   * @param <V> the left value type
   * @param <W> the right value type
   * @return the pairs
   */
  public static <V, W> Iterator<Tuple2<Optional<V>, Optional<W>>> fullOuter(Iterable<V> left,
      Iterable<W> right) {
    List<V> lefts = list(left);
    List<W> rights = list(right);
    if (rights.isEmpty()) {
      return map(lefts, v -> new Tuple2<>(Optional.ofNullable(v), Optional.empty()));
    }
    if (lefts.isEmpty()) {
      return map(rights, w -> new Tuple2<>(Optional.empty(), Optional.ofNullable(w)));
    }
    return product(lefts, rights, (v, w) -> new Tuple2<>(Optional.ofNullable(v), Optional.ofNullable(w)));
  }

  private static <T> List<T> list(Iterable<T> values) {
    if (values instanceof List<T> list) {
      return list;
    }
    List<T> copy = new ArrayList<>();
    values.forEach(copy::add);
    return copy;
  }

  private static <A, R> Iterator<R> map(List<A> values, Function<A, R> f) {
    return values.isEmpty() ? Collections.emptyIterator() : values.stream().map(f).iterator();
  }

  private static <A, B, R> Iterator<R> product(List<A> left, List<B> right, BiFunction<A, B, R> combine) {
    if (left.isEmpty() || right.isEmpty()) {
      return Collections.emptyIterator();
    }
    return new Iterator<>() {
      private int i;
      private int j;

      @Override
      public boolean hasNext() {
        return i < left.size();
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        R pair = combine.apply(left.get(i), right.get(j));
        if (++j == right.size()) {
          j = 0;
          i++;
        }
        return pair;
      }
    };
  }
}

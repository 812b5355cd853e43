package io.dstream.internal.rdd;

import io.dstream.function.FlatMapFunction;
import io.dstream.function.Function;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * Lazy per-record iterator adapters that apply user functions as records are pulled: the links of a
 * pipelined narrow chain. User exceptions are rethrown unchecked ({@link UserCodeException}).
 */
public final class Iterators {
  private Iterators() {}

  /**
   * Applies a function to each record.
   *
   * @param records the input
   * @param f the function
   * @param <T> the input type
   * @param <U> the output type
   * @return the mapped records
   */
  public static <T, U> Iterator<U> map(Iterator<T> records, Function<? super T, ? extends U> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public U next() {
        try {
          return f.call(records.next());
        } catch (Exception e) {
          throw UserCodeException.wrap(e);
        }
      }
    };
  }

  /**
   * Replaces each record by the records a function returns for it.
   *
   * @param records the input
   * @param f the function; must not return null
   * @param <T> the input type
   * @param <U> the output type
   * @return the flattened records
   */
  public static <T, U> Iterator<U> flatMap(Iterator<T> records, FlatMapFunction<? super T, U> f) {
    return new Iterator<>() {
      private Iterator<U> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!records.hasNext()) {
            return false;
          }
          try {
            current = f.call(records.next());
          } catch (Exception e) {
            throw UserCodeException.wrap(e);
          }
          if (current == null) {
            throw new IllegalStateException(
                "a flatMap function returned null; return an empty iterator for no records");
          }
        }
        return true;
      }

      @Override
      public U next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /**
   * Keeps the records for which a predicate is true.
   *
   * @param records the input
   * @param predicate the predicate; must not return null
   * @param <T> the record type
   * @return the kept records
   */
  public static <T> Iterator<T> filter(Iterator<T> records, Function<? super T, Boolean> predicate) {
    return new Iterator<>() {
      private T next;
      private boolean ready;

      @Override
      public boolean hasNext() {
        while (!ready && records.hasNext()) {
          T candidate = records.next();
          try {
            Boolean keep = predicate.call(candidate);
            if (keep == null) {
              throw new IllegalStateException("a filter function returned null for the record " + candidate
                  + "; return true or false");
            }
            if (keep) {
              next = candidate;
              ready = true;
            }
          } catch (Exception e) {
            throw UserCodeException.wrap(e);
          }
        }
        return ready;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ready = false;
        T result = next;
        next = null;
        return result;
      }
    };
  }

  /**
   * Counts the records left in an iterator, consuming them.
   *
   * @param records the records
   * @return how many there were
   */
  public static long count(Iterator<?> records) {
    long n = 0;
    for (; records.hasNext(); records.next()) {
      n++;
    }
    return n;
  }

  /**
   * Concatenates several iterators lazily: the {@code i}-th is asked for only when the ones before it are
   * exhausted.
   *
   * @param count how many iterators
   * @param iterator returns the {@code i}-th iterator, for {@code i} from 0 to {@code count - 1}
   * @param <T> the record type
   * @return the concatenation
   */
  public static <T> Iterator<T> concat(int count, IntFunction<? extends Iterator<T>> iterator) {
    return new Iterator<>() {
      private int next;
      private Iterator<T> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && next < count) {
          current = iterator.apply(next++);
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}

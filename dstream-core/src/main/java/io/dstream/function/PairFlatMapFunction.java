package io.dstream.function;

/**
 * A function that turns one input into zero or more key-value pairs, as used by {@code flatMapToPair}.
 *
 * <p>Implementations need not be {@link java.io.Serializable}: dstream runs in one JVM and never ships
 * functions anywhere. An exception thrown by {@code call} fails the task that ran it; after the task's
 * retries, the job fails with this exception as its cause.
 *
 * @param <T> the input type
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface PairFlatMapFunction<T, K, V> {
  /**
   * Applies the function.
   *
   * @param t the input
   * @return an iterator over the pairs (never null; return an empty iterator for none)
   * @throws Exception whatever the function throws; it fails the running task
   */
  java.util.Iterator<io.dstream.Tuple2<K, V>> call(T t) throws Exception;
}

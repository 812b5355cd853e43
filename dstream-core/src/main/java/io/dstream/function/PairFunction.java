package io.dstream.function;

/**
 * A function that turns one record into a key-value pair, as used by {@code mapToPair}.
 *
 * <p>Implementations need not be {@link java.io.Serializable}: dstream runs in one JVM and never ships
 * functions anywhere. An exception thrown by {@code call} fails the task that ran it; after the task's
 * retries, the job fails with this exception as its cause.
 *
 * @param <T> the input record type
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface PairFunction<T, K, V> {
  /**
   * Applies the function.
   *
   * @param t the input record
   * @return the key-value pair
   * @throws Exception whatever the function throws; it fails the running task
   */
  io.dstream.Tuple2<K, V> call(T t) throws Exception;
}

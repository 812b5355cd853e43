package io.dstream.function;

/**
 * A function that turns one input into zero or more outputs, as used by {@code flatMap} and {@code mapPartitions}.
 *
 * <p>Implementations need not be {@link java.io.Serializable}: dstream runs in one JVM and never ships
 * functions anywhere. An exception thrown by {@code call} fails the task that ran it; after the task's
 * retries, the job fails with this exception as its cause.
 *
 * @param <T> the input type
 * @param <R> the output record type
 */
@FunctionalInterface
public interface FlatMapFunction<T, R> {
  /**
   * Applies the function.
   *
   * @param t the input
   * @return an iterator over the outputs (never null; return an empty iterator for none)
   * @throws Exception whatever the function throws; it fails the running task
   */
  java.util.Iterator<R> call(T t) throws Exception;
}

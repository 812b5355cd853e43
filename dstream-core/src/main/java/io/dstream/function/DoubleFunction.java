package io.dstream.function;

/**
 * A function that turns one input into a {@code double}, as used by {@code mapToDouble}.
 *
 * <p>Implementations need not be {@link java.io.Serializable}: dstream runs in one JVM and never ships
 * functions anywhere. An exception thrown by {@code call} fails the task that ran it; after the task's
 * retries, the job fails with this exception as its cause.
 *
 * @param <T> the input type
 */
@FunctionalInterface
public interface DoubleFunction<T> {
  /**
   * Applies the function.
   *
   * @param t the input
   * @return the number
   * @throws Exception whatever the function throws; it fails the running task
   */
  double call(T t) throws Exception;
}

package io.dstream.function;

/**
 * A function of one argument that returns a value.
 *
 * <p>Implementations need not be {@link java.io.Serializable}: dstream runs in one JVM and never ships
 * functions anywhere. An exception thrown by {@code call} fails the task that ran it; after the task's
 * retries, the job fails with this exception as its cause.
 *
 * @param <T1> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Function<T1, R> {
  /**
   * Applies the function.
   *
   * @param v1 the argument
   * @return the result
   * @throws Exception whatever the function throws; it fails the running task
   */
  R call(T1 v1) throws Exception;
}

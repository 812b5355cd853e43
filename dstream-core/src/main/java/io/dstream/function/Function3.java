package io.dstream.function;

/**
 * A function of three arguments that returns a value.
 *
 * <p>Implementations need not be {@link java.io.Serializable}: dstream runs in one JVM and never ships
 * functions anywhere. An exception thrown by {@code call} fails the task that ran it; after the task's
 * retries, the job fails with this exception as its cause.
 *
 * @param <T1> the first argument type
 * @param <T2> the second argument type
 * @param <T3> the third argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Function3<T1, T2, T3, R> {
  /**
   * Applies the function.
   *
   * @param v1 the first argument
   * @param v2 the second argument
   * @param v3 the third argument
   * @return the result
   * @throws Exception whatever the function throws; it fails the running task
   */
  R call(T1 v1, T2 v2, T3 v3) throws Exception;
}

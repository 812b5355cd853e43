package io.dstream.function;

/**
 * A function of no arguments that returns a value.
 *
 * <p>Implementations need not be {@link java.io.Serializable}: dstream runs in one JVM and never ships
 * functions anywhere. An exception thrown by {@code call} fails the task that ran it; after the task's
 * retries, the job fails with this exception as its cause.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface Function0<R> {
  /**
   * Applies the function.
   *
   * @return the result
   * @throws Exception whatever the function throws; it fails the running task
   */
  R call() throws Exception;
}

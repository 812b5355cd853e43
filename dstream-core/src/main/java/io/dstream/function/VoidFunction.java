package io.dstream.function;

/**
 * A function of one argument that returns nothing, as used by {@code foreach} and {@code foreachRDD}.
 *
 * <p>Implementations need not be {@link java.io.Serializable}: dstream runs in one JVM and never ships
 * functions anywhere. An exception thrown by {@code call} fails the task that ran it; after the task's
 * retries, the job fails with this exception as its cause.
 *
 * @param <T> the argument type
 */
@FunctionalInterface
public interface VoidFunction<T> {
  /**
   * Applies the function.
   *
   * @param t the argument
   * @throws Exception whatever the function throws; it fails the running task
   */
  void call(T t) throws Exception;
}

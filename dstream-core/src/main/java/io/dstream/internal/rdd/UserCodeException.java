package io.dstream.internal.rdd;

/**
 * Carries a checked exception thrown inside a task (by a user function, or by reading a source such as an
 * object file) through engine code that cannot declare it (an {@link java.util.Iterator}, a map's
 * remapping function). The task runner unwraps it, so jobs fail with the original exception as the cause.
 */
public final class UserCodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private UserCodeException(Exception cause) {
    super(cause.toString(), cause, false, false);
  }

  /**
   * Returns an unchecked exception to throw for a user function's exception: the exception itself if it is
   * unchecked, or a wrapper that the task runner unwraps.
   *
   * @param e what the user function threw
   * @return the exception to throw
   */
  public static RuntimeException wrap(Exception e) {
    return e instanceof RuntimeException r ? r : new UserCodeException(e);
  }

  /**
   * Returns the user's exception behind a throwable that may be a wrapper.
   *
   * @param t a throwable caught from a task
   * @return the wrapped cause, or {@code t} itself
   */
  public static Throwable unwrap(Throwable t) {
    return t instanceof UserCodeException ? t.getCause() : t;
  }
}

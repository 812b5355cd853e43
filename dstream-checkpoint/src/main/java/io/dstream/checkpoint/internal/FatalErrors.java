package io.dstream.checkpoint.internal;

import java.util.Optional;

/**
 * The engine's one failure rule, in one place. Whatever user code throws (a function, a transform, an
 * output operation, a listener, a receiver) is contained to its unit of work: the batch fails, the receiver
 * restarts, the listener skips the event; the context goes on. Only a {@link VirtualMachineError}
 * (out of memory, stack overflow, an internal JVM error) is fatal, wherever it is thrown: the JVM may be in no
 * state to go on, so the context ends and {@code awaitTermination} rethrows the error itself.
 */
public final class FatalErrors {
  private static final int MAX_CAUSE_DEPTH = 32;

  private FatalErrors() {}

  /**
   * Returns the fatal error behind a failure: the failure itself or one of its causes (a job failure
   * wraps what its task threw).
   *
   * @param failure what was caught
   * @return the fatal error, or empty if the failure is contained to its unit of work
   */
  public static Optional<VirtualMachineError> in(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof VirtualMachineError fatal) {
        return Optional.of(fatal);
      }
    }
    return Optional.empty();
  }
}

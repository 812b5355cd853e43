package io.dstream.receiver.internal;

/** What the supervisor's thread is asked to do; everything else it does follows from these. */
sealed interface SupervisorEvent {
  /** Stop the receiver and start it again after a delay. */
  record Restart(String message, Throwable error, long delayMs) implements SupervisorEvent {}

  /** The restart delay has passed: start the receiver again. */
  record RestartDue() implements SupervisorEvent {}

  /** Stop the receiver and the block generator for good. */
  record Stop(String message, Throwable error) implements SupervisorEvent {}
}

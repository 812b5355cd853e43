package io.dstream.receiver.internal;

import io.dstream.checkpoint.internal.Lifecycle;
import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a {@link ReceiverSupervisor}:
 *
 * <pre>
 * INITIALIZED -&gt; STARTING -&gt; STARTED -&gt; RESTARTING -&gt; STARTING -&gt; ...
 *      |             |           |            |
 *      +-------------+-----------+------------+--&gt; STOPPING -&gt; STOPPED
 * </pre>
 *
 * (INITIALIZED goes straight to STOPPED; STARTING goes to RESTARTING when {@code onStart()} throws.)
 */
public enum SupervisorState implements Lifecycle.State<SupervisorState> {
  /** Created; the receiver has not been started. */
  INITIALIZED,
  /** The receiver's {@code onStart()} is running. */
  STARTING,
  /** The receiver is running. */
  STARTED,
  /** The receiver has been stopped and waits for the restart delay to start again. */
  RESTARTING,
  /** The receiver and the block generator are being stopped. */
  STOPPING,
  /** Stopped for good; every stored block has been reported. */
  STOPPED;

  /**
   * Returns the states this state may move to.
   *
   * @return the allowed next states
   */
  @Override
  public Set<SupervisorState> next() {
    switch (this) {
      case INITIALIZED:
        return EnumSet.of(STARTING, STOPPED);
      case STARTING:
        return EnumSet.of(STARTED, RESTARTING, STOPPING);
      case STARTED:
        return EnumSet.of(RESTARTING, STOPPING);
      case RESTARTING:
        return EnumSet.of(STARTING, STOPPING);
      case STOPPING:
        return EnumSet.of(STOPPED);
      default:
        return EnumSet.noneOf(SupervisorState.class);
    }
  }

  /**
   * Checks a move to another state.
   *
   * @param target the state to move to
   * @return {@code target}
   * @throws IllegalStateException if this state may not move to {@code target}
   */
  public SupervisorState checkMoveTo(SupervisorState target) {
    return Lifecycle.checkMove("a receiver supervisor", this, target);
  }

  @Override
  public String hint(SupervisorState target) {
    if (target == STARTING && (this == STOPPED || this == STOPPING)) {
      return "; a stopped receiver cannot be started again: create a new supervisor and receiver";
    }
    if (target == STARTING && (this == STARTING || this == STARTED)) {
      return "; the receiver supervisor has already been started";
    }
    return "";
  }
}

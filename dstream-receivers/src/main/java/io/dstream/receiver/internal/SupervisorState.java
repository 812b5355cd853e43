package io.dstream.receiver.internal;

import io.dstream.checkpoint.internal.Lifecycle;
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
public enum SupervisorState {
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

  private static final Lifecycle<SupervisorState> MOVES = Lifecycle.of(SupervisorState.class)
      .allow(INITIALIZED, STARTING, STOPPED)
      .allow(STARTING, STARTED, RESTARTING, STOPPING)
      .allow(STARTED, RESTARTING, STOPPING)
      .allow(RESTARTING, STARTING, STOPPING)
      .allow(STOPPING, STOPPED)
      .hint(SupervisorState::hint)
      .build();

  /**
   * Returns the states this state may move to.
   *
   * @return the allowed next states
   */
  public Set<SupervisorState> next() {
    return MOVES.next(this);
  }

  /**
   * Checks a move to another state.
   *
   * @param target the state to move to
   * @return {@code target}
   * @throws IllegalStateException if this state may not move to {@code target}
   */
  public SupervisorState checkMoveTo(SupervisorState target) {
    return MOVES.checkMove("a receiver supervisor", this, target);
  }

  private static String hint(SupervisorState from, SupervisorState target) {
    if (target == STARTING && (from == STOPPED || from == STOPPING)) {
      return "a stopped receiver cannot be started again: create a new supervisor and receiver";
    }
    if (target == STARTING && (from == STARTING || from == STARTED)) {
      return "the receiver supervisor has already been started";
    }
    return "";
  }
}

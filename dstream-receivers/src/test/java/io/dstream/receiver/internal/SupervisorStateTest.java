package io.dstream.receiver.internal;

import static io.dstream.receiver.internal.SupervisorState.INITIALIZED;
import static io.dstream.receiver.internal.SupervisorState.RESTARTING;
import static io.dstream.receiver.internal.SupervisorState.STARTED;
import static io.dstream.receiver.internal.SupervisorState.STARTING;
import static io.dstream.receiver.internal.SupervisorState.STOPPED;
import static io.dstream.receiver.internal.SupervisorState.STOPPING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SupervisorStateTest {
  private static final Map<SupervisorState, Set<SupervisorState>> ALLOWED = Map.of(
      INITIALIZED, EnumSet.of(STARTING, STOPPED),
      STARTING, EnumSet.of(STARTED, RESTARTING, STOPPING),
      STARTED, EnumSet.of(RESTARTING, STOPPING),
      RESTARTING, EnumSet.of(STARTING, STOPPING),
      STOPPING, EnumSet.of(STOPPED),
      STOPPED, EnumSet.noneOf(SupervisorState.class));

  @Test
  void exactlyTheDocumentedMovesAreAllowed() {
    for (SupervisorState from : SupervisorState.values()) {
      for (SupervisorState to : SupervisorState.values()) {
        if (ALLOWED.get(from).contains(to)) {
          assertThat(from.checkMoveTo(to)).isEqualTo(to);
        } else {
          assertThatThrownBy(() -> from.checkMoveTo(to))
              .as("%s -> %s", from, to)
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("cannot move from " + from + " to " + to);
        }
      }
    }
  }
}

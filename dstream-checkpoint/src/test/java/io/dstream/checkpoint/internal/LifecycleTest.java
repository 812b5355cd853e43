package io.dstream.checkpoint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private enum Pump { NEW, RUNNING, STOPPED }

  private static final Lifecycle<Pump> MOVES = Lifecycle.of(Pump.class)
      .allow(Pump.NEW, Pump.RUNNING, Pump.STOPPED).allow(Pump.RUNNING, Pump.STOPPED)
      .hint((from, to) -> to == Pump.RUNNING && from == Pump.STOPPED ? "create a new pump" : "")
      .build();

  @Test
  void exactlyTheListedMovesAreAllowedAndAStateWithoutMovesIsFinal() {
    assertThat(MOVES.next(Pump.NEW)).containsExactly(Pump.RUNNING, Pump.STOPPED);
    assertThat(MOVES.next(Pump.STOPPED)).isEmpty();
    assertThat(MOVES.allows(Pump.RUNNING, Pump.STOPPED)).isTrue();
    assertThat(MOVES.allows(Pump.RUNNING, Pump.NEW)).isFalse();
    assertThat(MOVES.checkMove("the pump", Pump.NEW, Pump.RUNNING)).isEqualTo(Pump.RUNNING);
  }

  @Test
  void aRefusedMoveNamesTheSubjectBothStatesWhatIsAllowedAndTheHint() {
    assertThatThrownBy(() -> MOVES.checkMove("the pump", Pump.STOPPED, Pump.RUNNING))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the pump cannot move from STOPPED to RUNNING (allowed from STOPPED: []); create a new pump");
    assertThatThrownBy(() -> MOVES.checkMove("the pump", Pump.RUNNING, Pump.NEW))
        .hasMessage("the pump cannot move from RUNNING to NEW (allowed from RUNNING: [STOPPED])");
  }

  @Test
  void theTableCannotBeChangedThroughWhatItReturns() {
    Set<Pump> next = MOVES.next(Pump.RUNNING);

    assertThatThrownBy(() -> next.add(Pump.NEW)).isInstanceOf(UnsupportedOperationException.class);
  }
}

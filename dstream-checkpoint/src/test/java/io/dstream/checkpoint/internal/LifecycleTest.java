package io.dstream.checkpoint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private enum Door implements Lifecycle.State<Door> {
    CLOSED, OPEN, LOCKED;

    @Override
    public Set<Door> next() {
      return switch (this) {
        case CLOSED -> EnumSet.of(OPEN, LOCKED);
        case OPEN -> EnumSet.of(CLOSED);
        case LOCKED -> EnumSet.noneOf(Door.class);
      };
    }

    @Override
    public String hint(Door target) {
      return this == LOCKED ? "; a locked door stays locked: use another door" : "";
    }
  }

  @Test
  void anAllowedMoveChangesTheStateAndReturnsTheOldOne() {
    Lifecycle<Door> door = new Lifecycle<>("the front door", Door.CLOSED);
    assertThat(door.moveTo(Door.OPEN)).isEqualTo(Door.CLOSED);
    assertThat(door.current()).isEqualTo(Door.OPEN);
    assertThat(door.is(Door.CLOSED, Door.OPEN)).isTrue();
    assertThat(door.is(Door.LOCKED)).isFalse();
  }

  @Test
  void anIllegalMoveIsRefusedWithOwnerBothStatesAndTheHint() {
    Lifecycle<Door> door = new Lifecycle<>("the front door", Door.CLOSED);
    door.moveTo(Door.LOCKED);
    assertThatThrownBy(() -> door.moveTo(Door.OPEN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the front door cannot move from LOCKED to OPEN; a locked door stays locked: use another door");
    assertThat(door.current()).isEqualTo(Door.LOCKED);
  }

  @Test
  void anIllegalMoveWithoutHintNamesBothStates() {
    Lifecycle<Door> door = new Lifecycle<>("the front door", Door.OPEN);
    assertThatThrownBy(() -> door.moveTo(Door.LOCKED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the front door cannot move from OPEN to LOCKED");
  }

  @Test
  void tryMoveToStaysWhereTheTableForbidsTheMove() {
    Lifecycle<Door> door = new Lifecycle<>("the front door", Door.OPEN);
    assertThat(door.tryMoveTo(Door.LOCKED)).isFalse();
    assertThat(door.current()).isEqualTo(Door.OPEN);
    assertThat(door.tryMoveTo(Door.CLOSED)).isTrue();
    assertThat(door.current()).isEqualTo(Door.CLOSED);
  }
}

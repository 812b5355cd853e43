package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualReceiverClockTest {
  private final ManualReceiverClock clock = new ManualReceiverClock();
  private final List<String> runs = new ArrayList<>();

  @Test
  void dueTasksRunInTimeOrderAtTheirDueTime() {
    clock.schedule(300, () -> runs.add("c@" + clock.nowMs()));
    clock.schedule(100, () -> runs.add("a@" + clock.nowMs()));
    clock.schedule(100, () -> runs.add("b@" + clock.nowMs()));

    clock.advance(299);
    assertThat(runs).containsExactly("a@100", "b@100");
    clock.advance(1);
    assertThat(runs).containsExactly("a@100", "b@100", "c@300");
    assertThat(clock.nowMs()).isEqualTo(300);
  }

  @Test
  void aRepeatingTaskRunsOncePerPeriodUntilCancelled() {
    ReceiverClock.Cancellable timer = clock.scheduleAtFixedRate(200, () -> runs.add("tick@" + clock.nowMs()));

    clock.advance(650);
    timer.cancel();
    clock.advance(1000);

    assertThat(runs).containsExactly("tick@200", "tick@400", "tick@600");
    assertThat(clock.pendingTasks()).isZero();
  }

  @Test
  void aCancelledTaskNeverRunsAndCancellingTwiceIsHarmless() {
    ReceiverClock.Cancellable task = clock.schedule(10, () -> runs.add("never"));

    task.cancel();
    task.cancel();
    clock.advance(100);

    assertThat(runs).isEmpty();
  }

  @Test
  void aTaskScheduledByATaskRunsInTheSameAdvanceIfItFallsDue() {
    clock.schedule(100, () -> clock.schedule(50, () -> runs.add("nested@" + clock.nowMs())));

    clock.advance(200);

    assertThat(runs).containsExactly("nested@150");
  }

  @Test
  void aTaskThatThrowsPropagatesOutOfAdvance() {
    clock.schedule(10, () -> {
      throw new IllegalStateException("task failed");
    });

    assertThatThrownBy(() -> clock.advance(20)).isInstanceOf(IllegalStateException.class).hasMessage("task failed");
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThatThrownBy(() -> clock.advance(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.schedule(-1, () -> {})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.scheduleAtFixedRate(0, () -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
  }
}

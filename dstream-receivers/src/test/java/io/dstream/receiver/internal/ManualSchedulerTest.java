package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<String> runs = new ArrayList<>();

  @Test
  void dueTasksRunInTimeOrderAtTheirDueTime() {
    scheduler.schedule(300, () -> runs.add("c@" + scheduler.nowMs()));
    scheduler.schedule(100, () -> runs.add("a@" + scheduler.nowMs()));
    scheduler.schedule(100, () -> runs.add("b@" + scheduler.nowMs()));

    scheduler.advance(299);
    assertThat(runs).containsExactly("a@100", "b@100");
    scheduler.advance(1);
    assertThat(runs).containsExactly("a@100", "b@100", "c@300");
    assertThat(scheduler.nowMs()).isEqualTo(300);
  }

  @Test
  void aRepeatingTaskRunsOncePerPeriodUntilCancelled() {
    Scheduler.Cancellable timer = scheduler.scheduleAtFixedRate(200, () -> runs.add("tick@" + scheduler.nowMs()));

    scheduler.advance(650);
    timer.cancel();
    scheduler.advance(1000);

    assertThat(runs).containsExactly("tick@200", "tick@400", "tick@600");
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void aCancelledTaskNeverRunsAndCancellingTwiceIsHarmless() {
    Scheduler.Cancellable task = scheduler.schedule(10, () -> runs.add("never"));

    task.cancel();
    task.cancel();
    scheduler.advance(100);

    assertThat(runs).isEmpty();
  }

  @Test
  void aTaskScheduledByATaskRunsInTheSameAdvanceIfItFallsDue() {
    scheduler.schedule(100, () -> scheduler.schedule(50, () -> runs.add("nested@" + scheduler.nowMs())));

    scheduler.advance(200);

    assertThat(runs).containsExactly("nested@150");
  }

  @Test
  void aTaskThatThrowsPropagatesOutOfAdvance() {
    scheduler.schedule(10, () -> {
      throw new IllegalStateException("task failed");
    });

    assertThatThrownBy(() -> scheduler.advance(20)).isInstanceOf(IllegalStateException.class).hasMessage("task failed");
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThatThrownBy(() -> scheduler.advance(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> scheduler.schedule(-1, () -> {})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> scheduler.scheduleAtFixedRate(0, () -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
  }
}

package io.dstream.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which batches a restart runs again: Spark's pending + unfinished + down times, each once, in order. */
class BatchScheduleTest {
  private static Time t(long millis) {
    return new Time(millis);
  }

  @Test
  void unfinishedBatchesComeFirstInTimeOrderThenTheBatchesMissedWhileDown() {
    BatchSchedule schedule = new BatchSchedule(t(0), t(5_000), List.of(t(5_000), t(3_000)));

    assertThat(schedule.timesToRerun(t(9_000), Durations.seconds(1)))
        .containsExactly(t(3_000), t(5_000), t(6_000), t(7_000), t(8_000));
  }

  @Test
  void aRestartRightAfterTheLastBatchRunsOnlyTheUnfinishedOnes() {
    BatchSchedule schedule = new BatchSchedule(t(0), t(5_000), List.of(t(4_000)));

    assertThat(schedule.timesToRerun(t(6_000), Durations.seconds(1))).containsExactly(t(4_000));
  }

  @Test
  void nothingIsRunAgainAfterACompleteRunWithoutDownTime() {
    BatchSchedule schedule = new BatchSchedule(t(0), t(5_000), List.of());

    assertThat(schedule.timesToRerun(t(6_000), Durations.seconds(1))).isEmpty();
  }

  @Test
  void aRunThatNeverGeneratedABatchMissedEveryBatchSinceItsZeroTime() {
    BatchSchedule schedule = new BatchSchedule(t(2_000), t(2_000), List.of());

    assertThat(schedule.timesToRerun(t(5_000), Durations.seconds(1))).containsExactly(t(3_000), t(4_000));
  }

  @Test
  void theUnfinishedTimesAreSortedAndDeduplicated() {
    BatchSchedule schedule = new BatchSchedule(t(0), t(3_000), List.of(t(3_000), t(1_000), t(3_000)));

    assertThat(schedule.unfinishedTimes()).containsExactly(t(1_000), t(3_000));
  }

  @Test
  void aLastBatchBeforeTheZeroTimeIsRefused() {
    assertThatThrownBy(() -> new BatchSchedule(t(2_000), t(1_000), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the zero time");
  }
}

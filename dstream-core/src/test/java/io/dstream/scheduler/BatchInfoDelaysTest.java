package io.dstream.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Time;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The delays that {@link BatchInfo} and {@link OutputOperationInfo} derive from the times they hold. */
class BatchInfoDelaysTest {
  private static final Time BATCH = new Time(10_000);

  private static OutputOperationInfo operation(int id, Long start, Long end, Throwable failure) {
    return new OutputOperationInfo(BATCH, id, "foreachRDD", "foreachRDD at App.java:" + (10 + id),
        Optional.ofNullable(start), Optional.ofNullable(end), Optional.ofNullable(failure));
  }

  @Test
  void aCompletedBatchsDelaysAreDifferencesOfItsTimes() {
    BatchInfo batch = new BatchInfo(BATCH, Map.of(0, 7L), 10_040, Optional.of(10_250L), Optional.of(10_900L),
        Map.of(0, operation(0, 10_250L, 10_600L, null), 1, operation(1, 10_600L, 10_900L, null)));

    assertThat(batch.schedulingDelay()).contains(210L);
    assertThat(batch.processingDelay()).contains(650L);
    assertThat(batch.totalDelay()).contains(860L);
    assertThat(batch.outputOperationInfos().get(0).duration()).contains(350L);
    assertThat(batch.outputOperationInfos().get(1).duration()).contains(300L);
    assertThat(batch.hasFailure()).isFalse();
  }

  @Test
  void delaysThatNeedAnEndOrAStartAreEmptyUntilTheBatchGetsThere() {
    BatchInfo submitted = new BatchInfo(BATCH, Map.of(), 10_040, Optional.empty(), Optional.empty(),
        Map.of(0, operation(0, null, null, null)));
    BatchInfo started = new BatchInfo(BATCH, Map.of(), 10_040, Optional.of(10_100L), Optional.empty(),
        Map.of(0, operation(0, 10_100L, null, null)));

    assertThat(submitted.schedulingDelay()).isEmpty();
    assertThat(submitted.processingDelay()).isEmpty();
    assertThat(submitted.totalDelay()).isEmpty();
    assertThat(submitted.outputOperationInfos().get(0).duration()).isEmpty();
    assertThat(started.schedulingDelay()).contains(60L);
    assertThat(started.processingDelay()).isEmpty();
    assertThat(started.totalDelay()).isEmpty();
    assertThat(started.outputOperationInfos().get(0).duration()).isEmpty();
  }

  @Test
  void aFailedOperationMakesTheBatchFailedAndGivesItsReason() {
    IllegalStateException thrown = new IllegalStateException("no connection");
    BatchInfo batch = new BatchInfo(BATCH, Map.of(0, 1L), 10_000, Optional.of(10_000L), Optional.of(10_005L),
        Map.of(0, operation(0, 10_000L, 10_002L, null), 1, operation(1, 10_002L, 10_005L, thrown)));

    assertThat(batch.hasFailure()).isTrue();
    assertThat(batch.outputOperationInfos().get(1).failureReason())
        .contains("java.lang.IllegalStateException: no connection");
    assertThat(batch.outputOperationInfos().get(0).failureReason()).isEmpty();
  }

  @Test
  void numRecordsIsTheSumOverTheInputStreams() {
    BatchInfo batch = new BatchInfo(BATCH, Map.of(0, 7L, 3, 5L), 10_000, Optional.empty(), Optional.empty(),
        Map.of());
    BatchInfo withoutCounts = new BatchInfo(BATCH, Map.of(), 10_000, Optional.empty(), Optional.empty(),
        Map.of());

    assertThat(batch.numRecords()).isEqualTo(12);
    assertThat(withoutCounts.numRecords()).isZero();
  }
}

package io.dstream.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Time;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The marker of committed batches: what it records, what it forgets, and what it refuses to read. */
class CommittedBatchesTest {
  private static final TopicPartition OUT = new TopicPartition("out", 0);

  @Test
  void aMarkerReadBackTellsTheBatchesItRecorded() {
    CommittedBatches none = CommittedBatches.of(Map.of());
    OffsetAndMetadata marker = none.markerWith(new Time(1_000), 2);
    CommittedBatches one = CommittedBatches.of(Map.of(OUT, marker));
    CommittedBatches two = CommittedBatches.of(Map.of(OUT, one.markerWith(new Time(3_000), 4)));

    assertThat(none.contains(new Time(1_000))).isFalse();
    assertThat(marker.offset()).isEqualTo(1_000);
    assertThat(one.contains(new Time(1_000))).isTrue();
    assertThat(two.contains(new Time(1_000))).isTrue();
    assertThat(two.contains(new Time(2_000))).isFalse();
    assertThat(two.contains(new Time(3_000))).isTrue();
    assertThat(two.partitionsOf(new Time(1_000))).isEqualTo(2);
    assertThat(two.partitionsOf(new Time(3_000))).isEqualTo(4);
  }

  @Test
  void aMarkerKeepsTheNewestBatchesOnlyAndTellsWhichOlderOnesItCannotTell() {
    CommittedBatches batches = CommittedBatches.of(Map.of());
    // Real batch times have 13 digits, and partition counts up to 4.
    long start = 1_796_658_018_000L;
    for (int i = 1; i <= CommittedBatches.RETAINED + 5; i++) {
      batches.add(new Time(start + i * 1_000L), 1_024);
    }
    OffsetAndMetadata marker = batches.markerWith(new Time(start + (CommittedBatches.RETAINED + 6) * 1_000L), 1_024);
    CommittedBatches read = CommittedBatches.of(Map.of(OUT, marker));

    assertThat(marker.metadata().length()).isLessThan(4096);
    assertThat(read.contains(new Time(start + 6_000))).isFalse();
    assertThat(read.forgotten(new Time(start + 6_000))).isTrue();
    assertThat(read.contains(new Time(start + 7_000))).isTrue();
    assertThat(read.forgotten(new Time(start + 7_000))).isFalse();
    assertThat(read.contains(new Time(start + (CommittedBatches.RETAINED + 6) * 1_000L))).isTrue();
  }

  @Test
  void theOffsetsOfAGroupThatIsNoSinksAreRefused() {
    Map<TopicPartition, OffsetAndMetadata> foreign = new HashMap<>();
    foreign.put(OUT, new OffsetAndMetadata(42, "someone else's"));

    assertThatThrownBy(() -> CommittedBatches.of(foreign)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'someone else's'").hasMessageContaining("give the sink another name");
  }
}

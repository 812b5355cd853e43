package io.dstream.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.kafka.OffsetRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that cuts a batch's large ranges into tasks. */
class RangeSplitsTest {

  private static OffsetRange range(int partition, long from, long until) {
    return OffsetRange.create("t", partition, from, until);
  }

  @Test
  void aHotPartitionIsCutIntoAboutEvenSharesOfTheBatchAndTheOthersStayWhole() {
    List<OffsetRange> ranges = List.of(range(0, 0, 290_000), range(1, 100, 10_100), range(2, 5, 5));

    // share: 300,000 / 2 worker threads = 150,000; 290,000 needs 2 pieces
    assertThat(RangeSplits.of(ranges, 2, 10_000)).containsExactly(range(0, 0, 145_000), range(0, 145_000, 290_000),
        range(1, 100, 10_100), range(2, 5, 5));
  }

  @Test
  void piecesHoldAtLeastTheMinimumSoASmallBatchIsNotCut() {
    assertThat(RangeSplits.of(List.of(range(0, 0, 15_000)), 4, 10_000)).containsExactly(range(0, 0, 15_000));
    // 4 shares of 10,000 would be allowed by the share, the minimum of 15,000 allows 2
    assertThat(RangeSplits.of(List.of(range(0, 0, 40_000)), 4, 15_000))
        .containsExactly(range(0, 0, 20_000), range(0, 20_000, 40_000));
  }

  @Test
  void unevenPiecesDifferByOneOffsetAndCoverTheRangeExactly() {
    assertThat(RangeSplits.of(List.of(range(0, 10, 21)), 3, 1))
        .containsExactly(range(0, 10, 14), range(0, 14, 18), range(0, 18, 21));
  }

  @Test
  void rangesThatEachFitTheirShareAreOneTaskEach() {
    List<OffsetRange> ranges = List.of(range(0, 0, 50_000), range(1, 0, 50_000));

    assertThat(RangeSplits.of(ranges, 2, 1)).isSameAs(ranges);
    assertThat(RangeSplits.of(List.of(), 2, 1)).isEmpty();
  }
}

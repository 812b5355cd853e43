package io.dstream.internal.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@link FixedLengthRecordsRddNode#ranges} cuts a file: ranges that follow each other from byte 0 to the
 * file's length, each starting on a record, each but the last holding whole records only, none larger than
 * the bound unless a single record is.
 */
class FixedLengthRecordsRangesTest {
  private final Location file = FileSystems.resolve("memory://ranges-test/in").child("f");

  @Test
  void rangesCoverTheFileInWholeRecordsWithinTheBound() {
    for (int length = 0; length <= 60; length++) {
      for (int recordLength = 1; recordLength <= 6; recordLength++) {
        for (int maxBytes = 1; maxBytes <= 20; maxBytes++) {
          List<FixedLengthRecordsRddNode.Range> ranges =
              FixedLengthRecordsRddNode.ranges(file, length, recordLength, maxBytes);
          String what = "length " + length + ", record " + recordLength + ", bound " + maxBytes + ": " + ranges;

          long next = 0;
          for (int i = 0; i < ranges.size(); i++) {
            FixedLengthRecordsRddNode.Range range = ranges.get(i);
            assertThat(range.start()).as(what).isEqualTo(next);
            assertThat(range.start() % recordLength).as(what).isZero();
            if (i < ranges.size() - 1) {
              assertThat((range.end() - range.start()) % recordLength).as(what).isZero();
              assertThat(range.end() - range.start()).as(what).isLessThanOrEqualTo(Math.max(maxBytes, recordLength));
            }
            next = range.end();
          }
          assertThat(next).as(what).isEqualTo(length);
        }
      }
    }
  }

  @Test
  void aFileOfUnknownLengthIsOneRangeReadToItsEnd() {
    assertThat(FixedLengthRecordsRddNode.ranges(file, -1, 4, 10))
        .containsExactly(new FixedLengthRecordsRddNode.Range(file, 0, Long.MAX_VALUE));
  }
}

package io.dstream.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockIdTest {
  @Test
  void streamAndRddIdsFollowSparksNaming() {
    assertThat(BlockId.stream(3, 17).name()).isEqualTo("input-3-17");
    assertThat(BlockId.rdd(5, 0).name()).isEqualTo("rdd_5_0");
    assertThat(BlockId.stream(0, 1)).hasToString("input-0-1");
  }

  @Test
  void idsWithTheSameNameAreEqualAndSortByName() {
    assertThat(BlockId.stream(1, 2)).isEqualTo(BlockId.parse("input-1-2"));
    assertThat(new TreeSet<>(List.of(BlockId.parse("b"), BlockId.parse("a"), BlockId.parse("c"))))
        .containsExactly(BlockId.parse("a"), BlockId.parse("b"), BlockId.parse("c"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "..", ".hidden", "with space", "x\\y"})
  void namesThatAreNotSafeFileNamesAreRejected(String name) {
    assertThatThrownBy(() -> BlockId.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid block name '" + name + "'");
  }

  @Test
  void aNullNameIsRejected() {
    assertThatThrownBy(() -> BlockId.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negativeNumbersAreRejectedWithWhatWasNegative() {
    assertThatThrownBy(() -> BlockId.stream(-1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream id").hasMessageContaining("-1");
    assertThatThrownBy(() -> BlockId.stream(0, -5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block number");
    assertThatThrownBy(() -> BlockId.rdd(2, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition");
  }

  @Test
  void cachedPartitionsAreToldApartFromReceivedBlocksAndNameTheirDataset() {
    assertThat(BlockId.rdd(12, 3).isRdd()).isTrue();
    assertThat(BlockId.rdd(12, 3).rddId()).isEqualTo(12);
    assertThat(BlockId.rdd(Integer.MAX_VALUE, 0).rddId()).isEqualTo(Integer.MAX_VALUE);
    assertThat(BlockId.stream(12, 3).isRdd()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rdd_x_1", "rdd_1", "rdd_1_2_3", "rdd_99999999999_0", "xrdd_1_2", "rdd__1"})
  void namesThatOnlyLookLikeCachedPartitionsAreNotOnes(String name) {
    BlockId id = BlockId.parse(name);
    assertThat(id.isRdd()).isFalse();
    assertThatThrownBy(id::rddId)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(name).hasMessageContaining("isRdd()");
  }

  @ParameterizedTest
  @ValueSource(strings = {"input-0-0", "input-3-17", "input-2147483647-9223372036854775807", "rdd_5_0",
      "rdd_2147483647_2147483647", "input-01-2", "input-1-2-3", "input--1-2", "rdd_1_02", "broadcast_7", "x"})
  void everyNameParsesBackToAnIdWithThatName(String name) {
    assertThat(BlockId.parse(name).name()).isEqualTo(name);
    assertThat(BlockId.parse(name)).hasToString(name).isEqualTo(BlockId.parse(name));
  }

  @Test
  void streamAndRddNamesParseToTheirKindsAndOtherNamesToNamedIds() {
    assertThat(BlockId.parse("input-3-17")).isEqualTo(new BlockId.Stream(3, 17)).isEqualTo(BlockId.stream(3, 17));
    assertThat(BlockId.parse("rdd_5_1")).isEqualTo(new BlockId.Rdd(5, 1));
    assertThat(BlockId.parse("input-01-2")).as("not the canonical form the factory writes")
        .isInstanceOf(BlockId.Named.class);
    assertThat(BlockId.parse("input-2147483648-0")).as("a stream id past int").isInstanceOf(BlockId.Named.class);
  }
}

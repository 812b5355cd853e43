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
    assertThat(BlockId.stream(1, 2)).isEqualTo(new BlockId("input-1-2"));
    assertThat(new TreeSet<>(List.of(new BlockId("b"), new BlockId("a"), new BlockId("c"))))
        .containsExactly(new BlockId("a"), new BlockId("b"), new BlockId("c"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "..", ".hidden", "with space", "x\\y"})
  void namesThatAreNotSafeFileNamesAreRejected(String name) {
    assertThatThrownBy(() -> new BlockId(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid block name '" + name + "'");
  }

  @Test
  void aNullNameIsRejected() {
    assertThatThrownBy(() -> new BlockId(null)).isInstanceOf(IllegalArgumentException.class);
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
    BlockId id = new BlockId(name);
    assertThat(id.isRdd()).isFalse();
    assertThatThrownBy(id::rddId)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(name).hasMessageContaining("isRdd()");
  }
}

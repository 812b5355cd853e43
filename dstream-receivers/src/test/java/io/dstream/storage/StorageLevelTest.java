package io.dstream.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StorageLevelTest {
  @Test
  void valuesListsEveryConstantOnceWithNoneFirst() {
    List<StorageLevel> levels = StorageLevel.values();

    assertThat(levels).hasSize(11).doesNotHaveDuplicates().first().isEqualTo(StorageLevel.NONE);
    assertThat(levels).filteredOn(StorageLevel::isValid).hasSize(10);
  }

  @Test
  void fromStringFindsEveryConstantByItsNameInAnyCase() {
    for (StorageLevel level : StorageLevel.values()) {
      assertThat(StorageLevel.fromString(level.name())).isSameAs(level);
      assertThat(StorageLevel.fromString(level.name().toLowerCase())).isSameAs(level);
    }
  }

  @Test
  void fromStringOfAnUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> StorageLevel.fromString("MEMORY_ONLY_3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown storage level 'MEMORY_ONLY_3'")
        .hasMessageContaining("MEMORY_AND_DISK_SER_2");
  }

  @Test
  void aReplicationOtherThanOneOrTwoIsRefused() {
    assertThatThrownBy(() -> new StorageLevel(true, true, false, 3, "X"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replication must be 1 or 2, got 3");
  }
}

package io.dstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BlockManagerStorageLevelTest {
  record Reading(String sensor, int value) {}

  static final class Unregistered {
    int value = 1;
  }

  private static final BlockId ID = BlockId.stream(0, 1);
  private static final List<Reading> RECORDS = List.of(new Reading("a", 1), new Reading("b", 2), new Reading("c", 3));

  @TempDir
  Path temp;

  private BlockManager blocks;

  @BeforeEach
  void createBlockManager() {
    blocks = new BlockManager(temp.resolve("blocks"), 1 << 20, new KryoSerializer(), new SampledSizeEstimator());
  }

  @AfterEach
  void closeBlockManager() {
    blocks.close();
  }

  static Stream<StorageLevel> levelsThatKeepData() {
    return StorageLevel.values().stream().filter(StorageLevel::isValid);
  }

  @ParameterizedTest
  @MethodSource("levelsThatKeepData")
  void everyLevelStoresItsReplicasAndReadsTheRecordsBack(StorageLevel level) {
    assertThat(blocks.put(ID, new ArrayList<>(RECORDS), level)).isEqualTo(level.replication());

    assertThat(blocks.<Reading>get(ID)).contains(RECORDS);
    assertThat(blocks.contains(ID)).isTrue();
    assertThat(blocks.blockIds()).containsExactly(ID);
  }

  @ParameterizedTest
  @MethodSource("levelsThatKeepData")
  void everyLevelKeepsEachCopyInTheTierItNamesWhenMemoryHasRoom(StorageLevel level) {
    blocks.put(ID, new ArrayList<>(RECORDS), level);

    for (int i = 0; i < 2; i++) {
      ReplicaStore replica = blocks.replica(i);
      boolean holdsCopy = i < level.replication();
      assertThat(replica.contains(ID)).as("replica %d holds a copy", i).isEqualTo(holdsCopy);
      assertThat(replica.isInMemory(ID)).as("replica %d in memory", i).isEqualTo(holdsCopy && level.useMemory());
      assertThat(replica.isOnDisk(ID)).as("replica %d on disk", i).isEqualTo(holdsCopy && !level.useMemory());
      assertThat(Files.exists(replica.diskFile(ID))).isEqualTo(holdsCopy && !level.useMemory());
    }
  }

  @Test
  void deserializedLevelsHandOutTheStoredObjectsAndSerializedLevelsHandOutCopies() {
    List<Reading> records = new ArrayList<>(RECORDS);
    blocks.put(BlockId.stream(0, 1), records, StorageLevel.MEMORY_ONLY);
    blocks.put(BlockId.stream(0, 2), records, StorageLevel.MEMORY_ONLY_SER);

    assertThat(blocks.<Reading>get(BlockId.stream(0, 1)).orElseThrow().get(0)).isSameAs(records.get(0));
    Reading copy = blocks.<Reading>get(BlockId.stream(0, 2)).orElseThrow().get(0);
    assertThat(copy).isEqualTo(records.get(0)).isNotSameAs(records.get(0));
  }

  @Test
  void theListReadBackCannotBeModified() {
    blocks.put(ID, new ArrayList<>(RECORDS), StorageLevel.MEMORY_ONLY);

    List<Reading> read = blocks.<Reading>get(ID).orElseThrow();
    assertThatThrownBy(() -> read.add(new Reading("x", 0))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void levelNoneIsRejectedWithTheBlockNamedAndALevelSuggested() {
    assertThatThrownBy(() -> blocks.put(ID, RECORDS, StorageLevel.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot store block input-0-1 at level NONE")
        .hasMessageContaining("MEMORY_AND_DISK_SER_2");
  }

  @Test
  void nullArgumentsAreRejected() {
    assertThatThrownBy(() -> blocks.put(null, RECORDS, StorageLevel.MEMORY_ONLY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block id");
    assertThatThrownBy(() -> blocks.put(ID, null, StorageLevel.MEMORY_ONLY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("records");
    assertThatThrownBy(() -> blocks.put(ID, RECORDS, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage level");
  }

  @Test
  void aNegativeMemoryLimitIsRejected() {
    assertThatThrownBy(() -> new BlockManager(temp, -1, new KryoSerializer(), new SampledSizeEstimator()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative, got -1 bytes");
  }

  @Test
  void aRecordThatCannotBeSerializedFailsThePutAndLeavesNoCopy() {
    try (BlockManager strict = new BlockManager(temp.resolve("strict"), 1 << 20, new KryoSerializer(true),
        new SampledSizeEstimator())) {
      assertThatThrownBy(() -> strict.put(ID, List.of(new Unregistered()), StorageLevel.MEMORY_ONLY_SER_2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Unregistered");
      assertThat(strict.contains(ID)).isFalse();
    }
  }

  @Test
  void putReplacesAnEarlierBlockWithTheSameIdInEveryTier() {
    blocks.put(ID, List.of(new Reading("old", 0)), StorageLevel.DISK_ONLY_2);
    blocks.put(ID, new ArrayList<>(RECORDS), StorageLevel.MEMORY_ONLY);

    assertThat(blocks.<Reading>get(ID)).contains(RECORDS);
    assertThat(blocks.replica(0).isOnDisk(ID)).isFalse();
    assertThat(blocks.replica(1).contains(ID)).isFalse();
  }

  @Test
  void removeDropsEveryReplicaAndDeletesItsFiles() {
    blocks.put(ID, new ArrayList<>(RECORDS), StorageLevel.DISK_ONLY_2);
    Path file = blocks.replica(1).diskFile(ID);

    assertThat(blocks.remove(ID)).isTrue();

    assertThat(blocks.get(ID)).isEmpty();
    assertThat(file).doesNotExist();
    assertThat(blocks.remove(ID)).isFalse();
  }

  @Test
  void blockIdsListsTheBlocksOfEveryReplicaSortedByName() {
    blocks.put(BlockId.rdd(1, 0), List.of(1), StorageLevel.DISK_ONLY);
    blocks.put(BlockId.stream(0, 2), List.of(2), StorageLevel.MEMORY_ONLY_2);
    blocks.put(BlockId.stream(0, 1), List.of(3), StorageLevel.MEMORY_AND_DISK_SER);
    blocks.replica(0).remove(BlockId.stream(0, 2));

    assertThat(blocks.blockIds())
        .containsExactly(BlockId.stream(0, 1), BlockId.stream(0, 2), BlockId.rdd(1, 0));
  }

  @Test
  void closeDeletesTheDirectoryAndRefusesFurtherUse() {
    blocks.put(ID, new ArrayList<>(RECORDS), StorageLevel.DISK_ONLY_2);

    blocks.close();
    blocks.close();

    assertThat(blocks.directory()).doesNotExist();
    assertThatThrownBy(() -> blocks.get(ID))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has been closed");
    assertThatThrownBy(() -> blocks.put(ID, RECORDS, StorageLevel.MEMORY_ONLY))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has been closed");
  }

  @Test
  void aTemporaryBlockManagerCreatesItsOwnDirectoryAndDeletesItOnClose() {
    Path directory;
    try (BlockManager temporary = BlockManager.inTemporaryDirectory(1024, new KryoSerializer())) {
      directory = temporary.directory();
      temporary.put(ID, new ArrayList<>(RECORDS), StorageLevel.DISK_ONLY);
      assertThat(directory).isDirectory();
    }
    assertThat(directory).doesNotExist();
  }

  @Test
  void replicaIndexesOutsideZeroAndOneAreRejected() {
    assertThatThrownBy(() -> blocks.replica(2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 0 or 1, got 2");
  }
}

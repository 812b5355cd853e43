package io.dstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each record is estimated at 100 bytes and each replica holds 1000 bytes: three 3-record blocks fit. */
class BlockManagerMemoryLimitTest {
  private static final long LIMIT = 1000;
  private static final SizeEstimator HUNDRED_BYTES_PER_RECORD = records -> 100L * records.size();

  @TempDir
  Path temp;

  private final Serializer serializer = new KryoSerializer();
  private BlockManager blocks;

  @BeforeEach
  void createBlockManager() {
    blocks = new BlockManager(temp.resolve("blocks"), LIMIT, serializer, HUNDRED_BYTES_PER_RECORD);
  }

  @AfterEach
  void closeBlockManager() {
    blocks.close();
  }

  private static BlockId block(int n) {
    return BlockId.stream(0, n);
  }

  private static List<Integer> threeRecords(int n) {
    return new ArrayList<>(List.of(n, n + 1, n + 2));
  }

  private void putThreeBlocks(StorageLevel level) {
    for (int n = 0; n < 3; n++) {
      blocks.put(block(n), threeRecords(n), level);
    }
  }

  @Test
  void aFullMemoryStoreSpillsTheLeastRecentlyUsedBlockToDiskForAndDiskLevels() {
    putThreeBlocks(StorageLevel.MEMORY_AND_DISK);

    blocks.put(block(3), threeRecords(3), StorageLevel.MEMORY_AND_DISK);

    ReplicaStore replica = blocks.replica(0);
    assertThat(replica.isInMemory(block(0))).isFalse();
    assertThat(replica.isOnDisk(block(0))).isTrue();
    assertThat(replica.isInMemory(block(3))).isTrue();
    assertThat(replica.memoryUsed()).isEqualTo(900);
    assertThat(blocks.<Integer>get(block(0))).contains(threeRecords(0));
  }

  @Test
  void aReadMakesABlockRecentlyUsedSoAnotherBlockIsEvicted() {
    putThreeBlocks(StorageLevel.MEMORY_AND_DISK);

    blocks.get(block(0));
    blocks.put(block(3), threeRecords(3), StorageLevel.MEMORY_AND_DISK);

    ReplicaStore replica = blocks.replica(0);
    assertThat(replica.isInMemory(block(0))).isTrue();
    assertThat(replica.isOnDisk(block(1))).isTrue();
    assertThat(replica.isInMemory(block(1))).isFalse();
  }

  @Test
  void memoryOnlyCachedPartitionsAreDroppedWhenEvicted() {
    for (int n = 0; n < 3; n++) {
      blocks.put(BlockId.rdd(n, 0), threeRecords(n), StorageLevel.MEMORY_ONLY_2);
    }

    blocks.put(BlockId.rdd(3, 0), threeRecords(3), StorageLevel.MEMORY_ONLY_2);

    assertThat(blocks.get(BlockId.rdd(0, 0))).isEmpty();
    assertThat(blocks.contains(BlockId.rdd(0, 0))).isFalse();
    assertThat(blocks.<Integer>get(BlockId.rdd(3, 0))).contains(threeRecords(3));
    assertThat(blocks.blockIds()).containsExactly(BlockId.rdd(1, 0), BlockId.rdd(2, 0), BlockId.rdd(3, 0));
  }

  @Test
  void aMemoryOnlyBlockLargerThanMemoryIsNotStoredAndEvictsNothing() {
    putThreeBlocks(StorageLevel.MEMORY_ONLY);
    List<Integer> eleven = new ArrayList<>(IntStream.range(0, 11).boxed().toList());

    assertThat(blocks.put(block(9), eleven, StorageLevel.MEMORY_ONLY_2)).isZero();

    assertThat(blocks.contains(block(9))).isFalse();
    assertThat(blocks.blockIds()).containsExactly(block(0), block(1), block(2));
  }

  @Test
  void anAndDiskBlockLargerThanMemoryGoesStraightToDisk() {
    List<Integer> eleven = new ArrayList<>(IntStream.range(0, 11).boxed().toList());

    assertThat(blocks.put(block(9), eleven, StorageLevel.MEMORY_AND_DISK_2)).isEqualTo(2);

    assertThat(blocks.replica(1).isOnDisk(block(9))).isTrue();
    assertThat(blocks.replica(1).memoryUsed()).isZero();
    assertThat(blocks.<Integer>get(block(9))).contains(eleven);
  }

  @Test
  void serializedBlocksCountTheirExactSize() {
    List<String> records = new ArrayList<>(List.of("alpha", "beta", "gamma"));

    blocks.put(block(0), records, StorageLevel.MEMORY_ONLY_SER);

    assertThat(blocks.replica(0).memoryUsed()).isEqualTo(BlockBytes.encode(records, serializer).length);
  }

  @Test
  void memoryUseNeverExceedsTheLimitAndEveryAndDiskBlockStaysReadable() {
    Random random = new Random(42);
    List<List<Integer>> stored = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      List<Integer> records = new ArrayList<>(IntStream.range(0, 1 + random.nextInt(6)).boxed().toList());
      stored.add(records);
      blocks.put(block(n), records, n % 2 == 0 ? StorageLevel.MEMORY_AND_DISK_2 : StorageLevel.MEMORY_AND_DISK_SER);
      assertThat(blocks.replica(0).memoryUsed()).isLessThanOrEqualTo(LIMIT);
      assertThat(blocks.replica(1).memoryUsed()).isLessThanOrEqualTo(LIMIT);
    }
    for (int n = 0; n < stored.size(); n++) {
      assertThat(blocks.<Integer>get(block(n))).as("block %d", n).contains(stored.get(n));
    }
  }

  @Test
  void aReceivedBlockEvictsCachedPartitionsBeforeOlderReceivedBlocks() {
    blocks.put(block(0), threeRecords(0), StorageLevel.MEMORY_ONLY);
    blocks.put(BlockId.rdd(7, 0), threeRecords(10), StorageLevel.MEMORY_ONLY);
    blocks.put(block(1), threeRecords(1), StorageLevel.MEMORY_ONLY);

    blocks.put(block(2), threeRecords(2), StorageLevel.MEMORY_ONLY);

    assertThat(blocks.blockIds()).containsExactly(block(0), block(1), block(2));
  }

  @Test
  void aCachedPartitionNeverEvictsAReceivedBlock() {
    putThreeBlocks(StorageLevel.MEMORY_ONLY);

    assertThat(blocks.put(BlockId.rdd(7, 0), threeRecords(10), StorageLevel.MEMORY_ONLY)).isZero();
    assertThat(blocks.put(BlockId.rdd(7, 1), threeRecords(20), StorageLevel.MEMORY_AND_DISK)).isEqualTo(1);

    assertThat(blocks.blockIds()).containsExactly(block(0), block(1), block(2), BlockId.rdd(7, 1));
    assertThat(blocks.replica(0).isOnDisk(BlockId.rdd(7, 1))).isTrue();
    assertThat(blocks.replica(0).isInMemory(block(0))).isTrue();
  }

  @Test
  void aCachedPartitionEvictsOtherDatasetsPartitionsButNotItsOwn() {
    blocks.put(BlockId.rdd(1, 0), threeRecords(0), StorageLevel.MEMORY_ONLY);
    blocks.put(BlockId.rdd(2, 0), threeRecords(10), StorageLevel.MEMORY_ONLY);
    blocks.put(BlockId.rdd(2, 1), threeRecords(20), StorageLevel.MEMORY_ONLY);

    assertThat(blocks.put(BlockId.rdd(2, 2), threeRecords(30), StorageLevel.MEMORY_ONLY)).isEqualTo(1);
    assertThat(blocks.put(BlockId.rdd(2, 3), threeRecords(40), StorageLevel.MEMORY_ONLY)).isZero();

    assertThat(blocks.blockIds()).containsExactly(BlockId.rdd(2, 0), BlockId.rdd(2, 1), BlockId.rdd(2, 2));
  }

  @Test
  void removingABlockFreesItsMemory() {
    putThreeBlocks(StorageLevel.MEMORY_ONLY);

    blocks.remove(block(1));

    assertThat(blocks.replica(0).memoryUsed()).isEqualTo(600);
  }

  @Test
  void withNoMemoryAnAndDiskLevelKeepsEverythingOnDisk() {
    try (BlockManager diskOnly = new BlockManager(temp.resolve("none"), 0, serializer, HUNDRED_BYTES_PER_RECORD)) {
      diskOnly.put(block(0), threeRecords(0), StorageLevel.MEMORY_AND_DISK_SER_2);

      assertThat(diskOnly.replica(0).isOnDisk(block(0))).isTrue();
      assertThat(diskOnly.replica(1).isOnDisk(block(0))).isTrue();
      assertThat(diskOnly.<Integer>get(block(0))).contains(threeRecords(0));
    }
  }

  @Test
  void aBlockThatCannotBeSpilledIsDroppedFromThatReplicaAndTheNewBlockIsStillStored() throws IOException {
    putThreeBlocks(StorageLevel.MEMORY_AND_DISK_2);
    Path replicaDirectory = blocks.replica(0).diskFile(block(0)).getParent();
    Files.delete(replicaDirectory);
    Files.writeString(replicaDirectory, "not a directory");

    assertThat(blocks.put(block(3), threeRecords(3), StorageLevel.MEMORY_AND_DISK_2)).isEqualTo(2);

    assertThat(blocks.replica(0).contains(block(0))).isFalse();
    assertThat(blocks.replica(0).isInMemory(block(3))).isTrue();
    assertThat(blocks.<Integer>get(block(0))).as("the other replica spilled it").contains(threeRecords(0));
  }
}

package io.dstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import io.dstream.storage.StorageLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockManagerReplicaLossTest {
  private static final BlockId ID = BlockId.stream(2, 7);
  private static final List<String> RECORDS = List.of("one", "two", "three");

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

  private Path storeOnDisk(StorageLevel level) {
    blocks.put(ID, new ArrayList<>(RECORDS), level);
    return blocks.replica(0).diskFile(ID);
  }

  @Test
  void aLostMemoryCopyIsReadFromTheOtherReplica() {
    blocks.put(ID, new ArrayList<>(RECORDS), StorageLevel.MEMORY_ONLY_SER_2);

    assertThat(blocks.replica(0).remove(ID)).isTrue();

    assertThat(blocks.<String>get(ID)).contains(RECORDS);
    assertThat(blocks.replica(1).contains(ID)).isTrue();
  }

  @Test
  void aDeletedBlockFileIsReadFromTheOtherReplica() throws IOException {
    Files.delete(storeOnDisk(StorageLevel.DISK_ONLY_2));

    assertThat(blocks.<String>get(ID)).contains(RECORDS);
  }

  @Test
  void aCorruptBlockFileIsRemovedAndTheOtherReplicaIsRead() throws IOException {
    Path file = storeOnDisk(StorageLevel.DISK_ONLY_2);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x5A;
    Files.write(file, bytes);

    assertThat(blocks.<String>get(ID)).contains(RECORDS);
    assertThat(blocks.replica(0).contains(ID)).isFalse();
    assertThat(file).doesNotExist();
  }

  @Test
  void aBlockLostFromEveryReplicaReadsAsAbsent() {
    blocks.put(ID, new ArrayList<>(RECORDS), StorageLevel.MEMORY_AND_DISK_2);

    blocks.replica(0).remove(ID);
    blocks.replica(1).remove(ID);

    assertThat(blocks.get(ID)).isEmpty();
  }

  @Test
  void aCorruptSingleCopyFailsWithTheBlockAndFileNamed() throws IOException {
    Path file = storeOnDisk(StorageLevel.DISK_ONLY);
    byte[] bytes = Files.readAllBytes(file);
    bytes[14] ^= 0x01;
    Files.write(file, bytes);

    assertThatThrownBy(() -> blocks.get(ID))
        .isInstanceOf(BlockStoreException.class)
        .hasMessageContaining("block input-2-7 on disk is corrupt")
        .hasMessageContaining("checksum does not match")
        .hasMessageContaining(file.toString())
        .satisfies(e -> assertThat(((BlockStoreException) e).blockId()).isEqualTo(ID));
  }

  @Test
  void aTruncatedBlockFileIsReportedAsTruncated() throws IOException {
    Path file = storeOnDisk(StorageLevel.DISK_ONLY);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 4));

    assertThatThrownBy(() -> blocks.get(ID))
        .isInstanceOf(BlockStoreException.class)
        .hasMessageContaining("input-2-7")
        .hasMessageContaining("announces")
        .hasMessageContaining("holds");
  }

  @Test
  void aFileShorterThanTheHeaderIsReportedAsTruncated() throws IOException {
    Files.write(storeOnDisk(StorageLevel.DISK_ONLY), new byte[] {1, 2, 3});

    assertThatThrownBy(() -> blocks.get(ID))
        .isInstanceOf(BlockStoreException.class)
        .hasMessageContaining("input-2-7")
        .hasMessageContaining("truncated: 3 bytes");
  }

  @Test
  void aFileThatIsNotABlockFileIsReportedAsCorrupt() throws IOException {
    Files.writeString(storeOnDisk(StorageLevel.DISK_ONLY), "hello, this is not a block", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> blocks.get(ID))
        .isInstanceOf(BlockStoreException.class)
        .hasMessageContaining("input-2-7")
        .hasMessageContaining("does not start with the block file header");
  }

  @Test
  void anUnreadableBlockFileFailsWithTheBlockNamedAndTheOtherReplicaStillServesIt() throws IOException {
    try (BlockManager single = new BlockManager(temp.resolve("single"), 0, new KryoSerializer(),
        new SampledSizeEstimator())) {
      single.put(ID, new ArrayList<>(RECORDS), StorageLevel.DISK_ONLY);
      Path file = single.replica(0).diskFile(ID);
      Files.delete(file);
      Files.createDirectory(file); // reading a directory fails with an I/O error

      assertThatThrownBy(() -> single.get(ID))
          .isInstanceOf(BlockStoreException.class)
          .hasMessageContaining("cannot read block input-2-7 from " + file);
    }
    Path file = storeOnDisk(StorageLevel.DISK_ONLY_2);
    Files.delete(file);
    Files.createDirectory(file);

    assertThat(blocks.<String>get(ID)).contains(RECORDS);
  }

  @Test
  void aFailedDiskWriteNamesTheBlockAndLeavesNoCopyInAnyReplica() throws IOException {
    Path secondReplica = blocks.replica(1).diskFile(ID).getParent();
    Files.delete(secondReplica);
    Files.writeString(secondReplica, "in the way");

    assertThatThrownBy(() -> blocks.put(ID, new ArrayList<>(RECORDS), StorageLevel.DISK_ONLY_2))
        .isInstanceOf(BlockStoreException.class)
        .hasMessageContaining("cannot write block input-2-7 to " + blocks.replica(1).diskFile(ID))
        .hasMessageContaining("writable");

    assertThat(blocks.contains(ID)).isFalse();
    assertThat(blocks.replica(0).diskFile(ID)).doesNotExist();
  }
}

package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import io.dstream.storage.StorageLevel;
import io.dstream.storage.internal.BlockManager;
import io.dstream.storage.internal.Replicas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockManagerBlockHandlerTest {
  private static final BlockId ID = BlockId.stream(1, 0);

  @TempDir
  Path temp;

  @Test
  void aReceivedBlockIsStoredInTheBlockManagerAtTheGivenLevel() {
    try (BlockManager blocks = new BlockManager(temp, 1 << 20, new KryoSerializer(), records -> 10)) {
      new BlockManagerBlockHandler(blocks).storeBlock(ID, new ArrayList<>(List.of("a", "b")),
          StorageLevel.MEMORY_AND_DISK_SER_2);

      assertThat(blocks.<String>get(ID)).contains(List.of("a", "b"));
      assertThat(Replicas.of(blocks, 1).isInMemory(ID)).isTrue();
    }
  }

  @Test
  void aMemoryOnlyBlockThatDoesNotFitFailsWithTheBlockAndWhatToDo() {
    try (BlockManager blocks = new BlockManager(temp, 100, new KryoSerializer(), records -> 1000)) {
      BlockManagerBlockHandler handler = new BlockManagerBlockHandler(blocks);

      assertThatThrownBy(() -> handler.storeBlock(ID, List.of("big"), StorageLevel.MEMORY_ONLY))
          .isInstanceOf(BlockStoreException.class)
          .hasMessageContaining("block input-1-0 of 1 records could not be stored at level MEMORY_ONLY")
          .hasMessageContaining("MEMORY_AND_DISK_SER_2");
      assertThat(blocks.contains(ID)).isFalse();
    }
  }

  @Test
  void aHandlerNeedsABlockManager() {
    assertThatThrownBy(() -> new BlockManagerBlockHandler(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block manager");
  }
}

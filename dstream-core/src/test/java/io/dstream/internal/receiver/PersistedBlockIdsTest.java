package io.dstream.internal.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.EngineKryoRegistrator;
import io.dstream.storage.BlockId;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Block ids in the write-ahead log and the metadata checkpoint: what the version whose {@code BlockId} was a
 * record of its name wrote reads back as the same ids, and today's records are written byte for byte as then.
 * The bytes below were written by that version (commit cf7c96b).
 */
class PersistedBlockIdsTest {
  /** {@code BlockAdded(input-3-17, [a, b])}. */
  private static final String BLOCK_ADDED = "MgEBAWlucHV0LTMtMbcmAYMDAYJhAYJi";
  /** {@code BatchAllocated(1000, [input-3-17, input-3-18])}. */
  private static final String BATCH_ALLOCATED = "MwHQDyYBgzEBAWlucHV0LTMtMbcBAWlucHV0LTMtMbg=";
  /** {@code ReceivedBlocksProgress([Batch(1000, [Block(input-3-17, 2)])])}. */
  private static final String PROGRESS = "NwEmAYI4AdAPJgGCOQEBAWlucHV0LTMtMbcE";

  private final Serializer serializer = EngineKryoRegistrator.defaultSerializer();

  private Object read(String base64) throws CorruptDataException {
    return serializer.deserialize(Base64.getDecoder().decode(base64));
  }

  private String write(Object record) {
    return Base64.getEncoder().encodeToString(serializer.serialize(record));
  }

  @Test
  void logRecordsWrittenByTheOldFormReadBackWithTheirIds() throws CorruptDataException {
    LoggedEvent.BlockAdded added = (LoggedEvent.BlockAdded) read(BLOCK_ADDED);
    LoggedEvent.BatchAllocated allocated = (LoggedEvent.BatchAllocated) read(BATCH_ALLOCATED);

    assertThat(added.id().id()).isEqualTo(BlockId.stream(3, 17));
    assertThat(added.records()).isEqualTo(List.of("a", "b"));
    assertThat(allocated.blocks()).extracting(BlockName::id)
        .containsExactly(BlockId.stream(3, 17), BlockId.stream(3, 18));
  }

  @Test
  void aCheckpointsProgressWrittenByTheOldFormReadsBackWithItsIds() throws CorruptDataException {
    ReceivedBlocksProgress progress = (ReceivedBlocksProgress) read(PROGRESS);

    assertThat(progress.batches()).singleElement().satisfies(batch -> {
      assertThat(batch.batchTimeMs()).isEqualTo(1000);
      assertThat(batch.blocks()).singleElement().satisfies(block -> {
        assertThat(block.id()).isEqualTo(BlockId.stream(3, 17));
        assertThat(block.records()).isEqualTo(2);
      });
    });
  }

  @Test
  void todaysRecordsAreWrittenAsTheOldFormWroteThem() {
    BlockName block = BlockName.of(BlockId.stream(3, 17));

    assertThat(write(new LoggedEvent.BlockAdded(block, List.of("a", "b")))).isEqualTo(BLOCK_ADDED);
    assertThat(write(new LoggedEvent.BatchAllocated(1000, List.of(block, BlockName.of(BlockId.stream(3, 18))))))
        .isEqualTo(BATCH_ALLOCATED);
    assertThat(write(new ReceivedBlocksProgress(List.of(new ReceivedBlocksProgress.Batch(1000,
        List.of(new ReceivedBlocksProgress.Block(block, 2))))))).isEqualTo(PROGRESS);
  }
}

package io.dstream.checkpoint.internal.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.FileDamage;
import io.dstream.checkpoint.LogCapture;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a {@link CheckpointStore} does on any file system; subclasses supply an empty directory. */
abstract class CheckpointStoreContract {
  private Location dir;
  private CheckpointStore store;
  private LogCapture log;

  /** Returns a location for a checkpoint directory, which need not exist yet. */
  abstract Location newDirectory() throws IOException;

  @BeforeEach
  void openStore() throws IOException {
    dir = newDirectory();
    store = new CheckpointStore(dir);
    log = LogCapture.of(CheckpointStore.class);
  }

  @AfterEach
  void stopCapture() {
    log.close();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static String text(Optional<Checkpoint> checkpoint) {
    return new String(checkpoint.orElseThrow().payload(), UTF_8);
  }

  private void writeAll(long... times) throws IOException {
    for (long time : times) {
      store.write(time, bytes("at " + time));
    }
  }

  @Test
  void aWrittenCheckpointIsTheLatest() throws IOException {
    store.write(1_000, bytes("first"));
    store.write(2_000, bytes("second"));
    Checkpoint latest = store.readLatest().orElseThrow();
    assertThat(latest.timeMs()).isEqualTo(2_000);
    assertThat(new String(latest.payload(), UTF_8)).isEqualTo("second");
    assertThat(dir.fileSystem().list(dir.path())).containsExactly("checkpoint-1000", "checkpoint-2000");
  }

  @Test
  void theTemporaryFilesThatCrashedWritesLeftAreDeletedAtTheFirstWrite() throws IOException {
    for (String name : List.of(".checkpoint-1000.5b2f.tmp", ".checkpoint-2000.77aa.tmp", ".notes.tmp")) {
      dir.fileSystem().writeAtomically(dir.child(name).path(), bytes("cut short"));
    }
    CheckpointStore restarted = new CheckpointStore(dir);

    restarted.write(3_000, bytes("after the crash"));

    assertThat(dir.fileSystem().list(dir.path())).containsExactlyInAnyOrder(".notes.tmp", "checkpoint-3000");
    assertThat(log.infos()).singleElement().asString()
        .startsWith("Deleted 2 temporary files that checkpoint writes cut short by a crash left in");
  }

  @Test
  void aDirectoryDeletedWhileRunningIsCreatedAgainAtTheNextWriteWithOneWarning() throws IOException {
    writeAll(1_000, 2_000);
    FileDamage.deleteTree(dir);
    writeAll(3_000, 4_000);
    assertThat(text(store.readLatest())).isEqualTo("at 4000");
    assertThat(store.times()).containsExactly(3_000L, 4_000L);
    assertThat(log.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("The checkpoint directory " + dir + " was deleted while the application ran")
        .contains("created it again to write checkpoint-3000"));
  }

  @Test
  void anObjectRoundTripsThroughTheSerializer() throws IOException {
    Serializer serializer = new KryoSerializer();
    Map<String, List<Long>> metadata = Map.of("pending", List.of(3_000L, 4_000L));
    store.write(4_000, metadata, serializer);
    Map<String, List<Long>> back = store.readLatest().orElseThrow().value(serializer);
    assertThat(back).isEqualTo(metadata);
  }

  @Test
  void anEmptyPayloadIsACheckpoint() throws IOException {
    store.write(0, new byte[0]);
    assertThat(store.readLatest().orElseThrow().payload()).isEmpty();
  }

  @Test
  void aNewDirectoryHasNoCheckpoint() throws IOException {
    assertThat(store.readLatest()).isEmpty();
    assertThat(store.times()).isEmpty();
    assertThat(store.read(1_000)).isEmpty();
    assertThat(dir.fileSystem().exists(dir.path())).isTrue();
  }

  @Test
  void theNewestThreeAreKeptByDefault() throws IOException {
    assertThat(store.retained()).isEqualTo(CheckpointStore.DEFAULT_RETAINED).isEqualTo(3);
    writeAll(1_000, 2_000, 3_000, 4_000, 5_000);
    assertThat(store.times()).containsExactly(3_000L, 4_000L, 5_000L);
    assertThat(text(store.read(3_000))).isEqualTo("at 3000");
  }

  @Test
  void theNumberKeptCanBeChosen() throws IOException {
    store = new CheckpointStore(dir, 1);
    writeAll(1_000, 2_000, 3_000);
    assertThat(store.times()).containsExactly(3_000L);
  }

  @Test
  void retentionKeepsTheCheckpointJustWrittenAndNewerOnes() throws IOException {
    store = new CheckpointStore(dir, 2);
    writeAll(1_000, 3_000, 4_000);
    assertThat(store.times()).containsExactly(3_000L, 4_000L);
    // As after recovering from an older checkpoint: the newer ones are not the writer's to delete.
    writeAll(2_000, 2_500);
    assertThat(store.times()).containsExactly(2_000L, 2_500L, 3_000L, 4_000L);
    writeAll(2_700);
    assertThat(store.times()).containsExactly(2_500L, 2_700L, 3_000L, 4_000L);
  }

  @Test
  void writingATimeAgainReplacesItsCheckpoint() throws IOException {
    store.write(1_000, bytes("old"));
    store.write(1_000, bytes("new"));
    assertThat(text(store.read(1_000))).isEqualTo("new");
    assertThat(store.times()).containsExactly(1_000L);
  }

  @Test
  void oldCheckpointsCanBeDeletedByTime() throws IOException {
    store = new CheckpointStore(dir, 10);
    writeAll(1_000, 2_000, 3_000, 4_000);
    assertThat(store.deleteOlderThan(3_000)).isEqualTo(2);
    assertThat(store.times()).containsExactly(3_000L, 4_000L);
    assertThat(store.deleteOlderThan(3_000)).isZero();
  }

  @Test
  void everyCheckpointCanBeDeletedLeavingOtherFiles() throws IOException {
    writeAll(1_000, 2_000, 3_000);
    dir.fileSystem().writeAtomically(dir.child("notes.txt").path(), bytes("not a checkpoint"));

    assertThat(store.deleteAll()).isEqualTo(3);
    assertThat(store.times()).isEmpty();
    assertThat(store.readLatest()).isEmpty();
    assertThat(dir.fileSystem().exists(dir.child("notes.txt").path())).isTrue();
    assertThat(store.deleteAll()).isZero();
  }

  @Test
  void otherFilesInTheDirectoryAreIgnored() throws IOException {
    writeAll(1_000);
    for (String name : List.of("notes.txt", "checkpoint-abc", "checkpoint-", ".checkpoint-5000.1234.tmp",
        "checkpoint-99999999999999999999")) {
      dir.fileSystem().writeAtomically(dir.child(name).path(), bytes("not a checkpoint"));
    }
    assertThat(store.times()).containsExactly(1_000L);
    assertThat(store.readLatest().orElseThrow().timeMs()).isEqualTo(1_000);
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void twoStoresOnOneDirectorySeeTheSameCheckpoints() throws IOException {
    writeAll(1_000);
    CheckpointStore other = new CheckpointStore(dir);
    assertThat(text(other.readLatest())).isEqualTo("at 1000");
  }

  @Test
  void misuseIsRefusedWithWhatWasWrong() {
    assertThatThrownBy(() -> new CheckpointStore(dir, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retained checkpoints must be at least 1, got 0");
    assertThatThrownBy(() -> store.write(-1, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checkpoint time must be at least 0 ms, got -1");
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsNamedWithWhatToDo() throws IOException {
    Location file = dir.child("a-file");
    file.fileSystem().writeAtomically(file.path(), new byte[0]);
    Location under = file.child("checkpoints");
    assertThatThrownBy(() -> new CheckpointStore(under))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot use " + under + " as a checkpoint directory")
        .hasMessageContaining("a-file is a file, not a directory")
        .hasMessageContaining("choose another location");
  }

  @Test
  void aWritableDirectoryPassesTheCheckAndKeepsNoTrace() throws IOException {
    store.verifyWritable();
    assertThat(dir.fileSystem().list(dir.path())).isEmpty();
  }

  // ---- damaged files ----------------------------------------------------------------------------------

  /** Ways a checkpoint file can be damaged, and what the report must say about each. */
  enum Damage {
    TRUNCATED_PAYLOAD("is truncated: the stream ends after") {
      @Override
      void apply(Location file) throws IOException {
        FileDamage.truncateBy(file, 3);
      }
    },
    SHORT_HEADER("its 5 bytes end inside its 8-byte header") {
      @Override
      void apply(Location file) throws IOException {
        FileDamage.truncateBy(file, FileDamage.length(file) - 5);
      }
    },
    EMPTY("its 0 bytes end inside its 8-byte header") {
      @Override
      void apply(Location file) throws IOException {
        FileDamage.truncateBy(file, FileDamage.length(file));
      }
    },
    ONLY_HEADER("it ends right after its header") {
      @Override
      void apply(Location file) throws IOException {
        FileDamage.truncateBy(file, FileDamage.length(file) - 8);
      }
    },
    BAD_MAGIC("not a checkpoint file: its header starts with 0x12345678") {
      @Override
      void apply(Location file) throws IOException {
        FileDamage.overwriteInt(file, 0, 0x12345678);
      }
    },
    UNSUPPORTED_VERSION("unsupported checkpoint file format version 99") {
      @Override
      void apply(Location file) throws IOException {
        FileDamage.overwriteInt(file, 4, 99);
      }
    },
    BAD_CHECKSUM("its checksum does not match") {
      @Override
      void apply(Location file) throws IOException {
        FileDamage.flipByte(file, FileDamage.length(file) - 1);
      }
    },
    NEGATIVE_LENGTH("negative length -5") {
      @Override
      void apply(Location file) throws IOException {
        FileDamage.overwriteInt(file, 8, -5);
      }
    },
    TRAILING_BYTES("2 unexpected bytes follow its payload") {
      @Override
      void apply(Location file) throws IOException {
        FileDamage.append(file, (byte) 1, (byte) 2);
      }
    };

    final String report;

    Damage(String report) {
      this.report = report;
    }

    abstract void apply(Location file) throws IOException;
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedNewestCheckpointIsReportedOnceAndSkippedForThePreviousOne(Damage damage) throws IOException {
    writeAll(1_000, 2_000, 3_000);
    Location newest = dir.child("checkpoint-3000");
    damage.apply(newest);

    assertThat(store.readLatest().orElseThrow().timeMs()).isEqualTo(2_000);
    assertThat(store.readLatest().orElseThrow().timeMs()).isEqualTo(2_000);

    assertThat(log.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("damaged checkpoint " + newest)
        .contains(damage.report)
        .contains("falling back to an older checkpoint"));
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void readingADamagedCheckpointByTimeNamesTheFileAndTheDamage(Damage damage) throws IOException {
    writeAll(1_000);
    damage.apply(dir.child("checkpoint-1000"));
    assertThatThrownBy(() -> store.read(1_000))
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("the checkpoint " + dir.child("checkpoint-1000") + " is damaged")
        .hasMessageContaining(damage.report);
  }

  @Test
  void severalDamagedCheckpointsAreSkippedUntilAnIntactOne() throws IOException {
    writeAll(1_000, 2_000, 3_000);
    Damage.BAD_CHECKSUM.apply(dir.child("checkpoint-3000"));
    Damage.TRUNCATED_PAYLOAD.apply(dir.child("checkpoint-2000"));
    assertThat(text(store.readLatest())).isEqualTo("at 1000");
    assertThat(log.warnings()).hasSize(2);
  }

  @Test
  void whenNoCheckpointIsIntactTheErrorNamesTheDirectoryEachFileAndWhatToDo() throws IOException {
    writeAll(1_000, 2_000);
    Damage.BAD_CHECKSUM.apply(dir.child("checkpoint-2000"));
    Damage.BAD_MAGIC.apply(dir.child("checkpoint-1000"));
    assertThatThrownBy(() -> store.readLatest())
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("the checkpoint directory " + dir + " holds 2 checkpoint file(s), and none is intact")
        .hasMessageContaining("checkpoint-2000 (its payload is corrupt: its checksum does not match")
        .hasMessageContaining("checkpoint-1000 (not a checkpoint file")
        .hasMessageContaining("move or delete the directory")
        .hasMessageContaining("restore it from a backup");
  }

  @Test
  void checkpointsTheCheckRefusesAndDirectoriesInPlaceOfFilesAreSkippedWithOneWarningEach() throws IOException {
    writeAll(1_000, 2_000, 3_000);
    dir.fileSystem().mkdirs(dir.child("checkpoint-4000").path());
    CheckpointStore.Check refuseTheThird = checkpoint ->
        checkpoint.timeMs() == 3_000 ? Optional.of("it is the third") : Optional.empty();

    assertThat(text(store.readLatest(refuseTheThird))).isEqualTo("at 2000");
    assertThat(text(store.readLatest(refuseTheThird))).isEqualTo("at 2000");
    assertThat(log.warnings()).containsExactly(
        "Skipping the checkpoint " + dir.child("checkpoint-4000") + ": it is a directory, not a checkpoint file; "
            + "falling back to an older checkpoint",
        "Skipping the checkpoint " + dir.child("checkpoint-3000") + ": it is the third; falling back to an older "
            + "checkpoint");
    assertThatThrownBy(() -> store.readLatest(checkpoint -> Optional.of("no")))
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("holds 4 checkpoint file(s), and none is intact and usable");
  }

  @Test
  void aRewrittenCheckpointReplacesTheDamagedOne() throws IOException {
    writeAll(1_000, 2_000);
    Damage.BAD_CHECKSUM.apply(dir.child("checkpoint-2000"));
    store.write(2_000, bytes("rewritten"));
    assertThat(text(store.readLatest())).isEqualTo("rewritten");
  }
}

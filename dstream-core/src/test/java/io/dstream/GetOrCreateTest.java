package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.internal.fs.InjectedFaults;
import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.internal.store.CheckpointStore;
import io.dstream.internal.StreamingRuntime;
import io.dstream.internal.checkpoint.GraphFingerprint;
import io.dstream.internal.checkpoint.MetadataCheckpoint;
import io.dstream.testing.ManualClock;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code StreamingContext.getOrCreate}: what it asks of the factory, how it uses the checkpoint directory,
 * and what it does with checkpoints that are damaged or cannot be used.
 */
class GetOrCreateTest {
  private final MemoryInputDirectory input = new MemoryInputDirectory();
  private final String checkpoints = input.uri("/checkpoints");
  private final List<StreamingContext> contexts = new ArrayList<>();

  @AfterEach
  void close() {
    contexts.forEach(StreamingContext::stop);
    input.close();
  }

  /** The program: a file stream printed, on a new context with a manual clock, not started. */
  private StreamingContext program(StreamingConf conf) {
    StreamingContext ssc = new StreamingContext(conf.setMaster("local[1]"), Durations.seconds(1), new ManualClock());
    contexts.add(ssc);
    ssc.textFileStream(input.uri()).print();
    return ssc;
  }

  private StreamingContext program() {
    return program(new StreamingConf());
  }

  /** Runs the program for three batches, leaving metadata checkpoints of 1000, 2000 and 3000 ms. */
  private void leaveCheckpoints() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.context().textFileStream(input.uri()).print();
      t.recoverFrom(checkpoints);
      t.runBatches(3);
    }
  }

  private static StreamingRuntime runtime(StreamingContext ssc) {
    return ssc.runtime;
  }

  private void damage(String file) throws IOException {
    InMemoryFileSystem fs = input.fileSystem();
    byte[] bytes = fs.readAllBytes("/checkpoints/metadata/" + file);
    bytes[bytes.length - 1] ^= 0x5A;
    fs.writeAtomically("/checkpoints/metadata/" + file, bytes);
  }

  private void tear(String file) throws IOException {
    InMemoryFileSystem fs = input.fileSystem();
    byte[] bytes = fs.readAllBytes("/checkpoints/metadata/" + file);
    fs.writeAtomically("/checkpoints/metadata/" + file, Arrays.copyOf(bytes, bytes.length / 2));
  }

  @Test
  void withoutACheckpointTheFactorysContextIsReturnedWithTheDirectorySet() {
    StreamingContext ssc = StreamingContext.getOrCreate(checkpoints, this::program);

    assertThat(contexts).containsExactly(ssc);
    assertThat(runtime(ssc).checkpointDirectory().orElseThrow().root())
        .isEqualTo(FileSystems.resolve(checkpoints));
    assertThat(runtime(ssc).recoveredSchedule()).isEmpty();
  }

  @Test
  void theFactoryMaySetTheSameDirectoryItself() {
    StreamingContext ssc = StreamingContext.getOrCreate(checkpoints, () -> {
      StreamingContext created = program();
      created.checkpoint(checkpoints);
      return created;
    });

    assertThat(ssc.getState()).isEqualTo(StreamingContextState.INITIALIZED);
  }

  @Test
  void aFactoryThatSetsAnotherDirectoryIsRefusedAndItsContextStopped() {
    String other = input.uri("/elsewhere");
    assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, () -> {
      StreamingContext created = program();
      created.checkpoint(other);
      return created;
    })).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the factory set the checkpoint directory " + other)
        .hasMessageContaining("but getOrCreate was given " + checkpoints);
    assertThat(contexts.get(0).getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void aFactoryThatReturnsNullIsRefused() {
    assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, () -> null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned null");
  }

  @Test
  void whatTheFactoryThrowsComesOutAsItIsOrAsTheCause() {
    IOException checked = new IOException("no configuration file");
    IllegalArgumentException unchecked = new IllegalArgumentException("bad setting");

    assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, () -> {
      throw checked;
    })).isInstanceOf(IllegalStateException.class).hasCauseReference(checked)
        .hasMessageContaining("the factory given to getOrCreate threw");
    assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, () -> {
      throw unchecked;
    })).isSameAs(unchecked);
  }

  @Test
  void aFactoryThatReturnsAStartedContextIsRefused() {
    assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, () -> {
      StreamingContext created = program();
      created.start();
      return created;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("ACTIVE")
        .hasMessageContaining("without starting it");
  }

  @Test
  void anUnwritableCheckpointDirectoryIsRefusedNamingIt() {
    InjectedFaults.into(input.fileSystem()).fail(InMemoryFileSystem.Operation.CREATE);

    assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, this::program))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(checkpoints)
        .hasMessageContaining("not writable");
  }

  @Test
  void aDamagedNewestCheckpointIsSkippedForThePreviousGoodOne() throws IOException {
    leaveCheckpoints();
    damage("checkpoint-3000");

    try (CapturedLog log = CapturedLog.of("io.dstream.checkpoint.internal.store.CheckpointStore")) {
      StreamingContext ssc = StreamingContext.getOrCreate(checkpoints, this::program);

      assertThat(runtime(ssc).recoveredSchedule().orElseThrow().lastGeneratedTime()).isEqualTo(new Time(2_000));
      assertThat(log.messagesStartingWith("Skipping the damaged checkpoint")).singleElement()
          .asString().contains("checkpoint-3000");
    }
  }

  @Test
  void aDirectoryOrAFileOfAnotherKindWhereTheNewestCheckpointsShouldBeIsSkippedForThePreviousOne()
      throws IOException {
    leaveCheckpoints();
    input.fileSystem().mkdirs("/checkpoints/metadata/checkpoint-5000");
    new CheckpointStore(FileSystems.resolve(checkpoints + "/metadata"))
        .write(4_000, "not metadata", new KryoSerializer());

    try (CapturedLog log = CapturedLog.of("io.dstream.checkpoint.internal.store.CheckpointStore")) {
      StreamingContext ssc = StreamingContext.getOrCreate(checkpoints, this::program);

      assertThat(runtime(ssc).recoveredSchedule().orElseThrow().lastGeneratedTime()).isEqualTo(new Time(3_000));
      assertThat(log.messagesStartingWith("Skipping")).containsExactly(
          "Skipping the checkpoint " + checkpoints + "/metadata/checkpoint-5000: it is a directory, not a checkpoint "
              + "file; falling back to an older checkpoint",
          "Skipping the checkpoint " + checkpoints + "/metadata/checkpoint-4000: it holds a java.lang.String, not a "
              + "metadata checkpoint; falling back to an older checkpoint");
    }
  }

  @Test
  void aTornNewestCheckpointIsSkippedForThePreviousGoodOne() throws IOException {
    leaveCheckpoints();
    tear("checkpoint-3000");
    tear("checkpoint-2000");

    StreamingContext ssc = StreamingContext.getOrCreate(checkpoints, this::program);

    assertThat(runtime(ssc).recoveredSchedule().orElseThrow().lastGeneratedTime()).isEqualTo(new Time(1_000));
  }

  @Test
  void whenNoCheckpointIsIntactRecoveryFailsNamingTheDirectoryAndContextStops() throws IOException {
    leaveCheckpoints();
    for (String file : input.fileSystem().list("/checkpoints/metadata")) {
      damage(file);
    }

    assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, this::program))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(checkpoints + "/metadata")
        .hasMessageContaining("none is intact");
    assertThat(contexts.get(0).getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void createOnErrorInTheRecoverySettingsStartsAfresh() throws IOException {
    leaveCheckpoints();
    for (String file : input.fileSystem().list("/checkpoints/metadata")) {
      damage(file);
    }

    try (CapturedLog log = CapturedLog.of("io.dstream.internal.StreamingRuntime")) {
      StreamingContext ssc = StreamingContext.getOrCreate(checkpoints, this::program,
          new StreamingConf().set("dstream.checkpoint.createOnError", "true"));

      assertThat(ssc.getState()).isEqualTo(StreamingContextState.INITIALIZED);
      assertThat(runtime(ssc).recoveredSchedule()).isEmpty();
      assertThat(log.messagesStartingWith("Starting afresh (dstream.checkpoint.createOnError=true)"))
          .singleElement().asString().contains("none is intact");
    }
  }

  @Test
  void theRecoverySettingsOverrideTheContextsConfiguration() throws IOException {
    leaveCheckpoints();
    damage("checkpoint-1000");
    damage("checkpoint-2000");
    damage("checkpoint-3000");
    StreamingConf lenient = new StreamingConf().set("dstream.checkpoint.createOnError", "true");

    StreamingContext fresh = StreamingContext.getOrCreate(checkpoints, () -> program(lenient));
    assertThat(runtime(fresh).recoveredSchedule()).isEmpty();
    assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, () -> program(lenient),
        new StreamingConf().set("dstream.checkpoint.createOnError", "false")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("none is intact");
  }

  @Test
  void aCheckpointOfAnotherFormatVersionIsRefusedSayingWhatToDo() throws IOException {
    CheckpointStore store = new CheckpointStore(FileSystems.resolve(checkpoints + "/metadata"));
    MetadataCheckpoint future = new MetadataCheckpoint(99, 1_000, 0, 1_000, List.of(),
        new GraphFingerprint(List.of()), Map.of(), Map.of(), Map.of());
    store.write(1_000, future, new KryoSerializer());

    assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, this::program))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has format version 99, and this version of dstream reads version "
            + MetadataCheckpoint.FORMAT_VERSION)
        .hasMessageContaining("delete the checkpoint directory to start afresh");
  }

  /** A metadata checkpoint as format version 1 laid it out: its streams had no parameters. */
  private record MetadataCheckpointV1(int formatVersion, long batchDurationMs, long zeroTimeMs,
      long lastGeneratedTimeMs, List<Long> unfinishedTimesMs, GraphV1 graph, Map<String, String> configuration,
      Map<String, Object> inputProgress, Map<String, Long> snapshotTimesMs) {}

  private record GraphV1(List<StreamV1> streams) {}

  private record StreamV1(String key, String operation, List<String> parentKeys) {}

  @Test
  void aCheckpointOfTheLayoutBeforeStreamParametersIsSkippedAsWrittenByAnotherVersion() throws IOException {
    // Registered where the engine registers today's records, so the bytes carry the same class ids.
    KryoSerializer versionOne = new KryoSerializer(false, null, kryo -> {
      kryo.register(MetadataCheckpointV1.class);
      kryo.register(GraphV1.class);
      kryo.register(StreamV1.class);
    });
    GraphV1 graph = new GraphV1(List.of(new StreamV1("0", "fileStream", List.of()),
        new StreamV1("1", "print", List.of("0"))));
    MetadataCheckpointV1 old = new MetadataCheckpointV1(1, 1_000, 0, 2_000, List.of(), graph,
        Map.of("dstream.app.name", "orders", "dstream.master", "local[1]"), Map.of(), Map.of());
    new CheckpointStore(FileSystems.resolve(checkpoints + "/metadata")).write(2_000, old, versionOne);

    assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, this::program))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("none is intact and usable: checkpoint-2000 (it cannot be decoded as a metadata "
            + "checkpoint")
        .hasMessageContaining("or was written by another version of dstream (to recover from it, run that version)")
        .hasMessageContaining("To start afresh, move or delete the directory");
    assertThat(contexts.get(0).getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  /** A file stream's progress as format version 2 laid it out: the names of the files, without lengths. */
  private record FileStreamProgressV2(long ignoreBeforeMs, List<BatchFilesV2> batches) {}

  private record BatchFilesV2(long batchTimeMs, List<String> fileNames) {}

  @Test
  void aCheckpointOfTheLayoutBeforeFileLengthsIsRefusedAsWrittenByAnotherVersion() throws IOException {
    // Registered where the engine registers today's records, so the bytes carry the same class ids.
    KryoSerializer versionTwo = new KryoSerializer(false, null, kryo -> {
      kryo.register(MetadataCheckpoint.class);
      kryo.register(GraphFingerprint.class);
      kryo.register(GraphFingerprint.Stream.class);
      kryo.register(FileStreamProgressV2.class);
      kryo.register(BatchFilesV2.class);
    });
    FileStreamProgressV2 progress = new FileStreamProgressV2(0, List.of(new BatchFilesV2(1_000, List.of("a"))));
    MetadataCheckpoint old = new MetadataCheckpoint(2, 1_000, 0, 1_000, List.of(1_000L),
        new GraphFingerprint(List.of()), Map.of(), Map.of("0", progress), Map.of());
    new CheckpointStore(FileSystems.resolve(checkpoints + "/metadata")).write(1_000, old, versionTwo);

    assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, this::program))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has format version 2, and this version of dstream reads version 3")
        .hasMessageContaining("delete the checkpoint directory to start afresh");
  }

  @Test
  void aCheckpointFileThatHoldsSomethingElseIsRefused() throws IOException {
    new CheckpointStore(FileSystems.resolve(checkpoints + "/metadata"))
        .write(1_000, "not metadata", new KryoSerializer());

    assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, this::program))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds a java.lang.String, not a metadata checkpoint");
  }
}

package io.dstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.internal.fs.InjectedFaults;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of {@code textFileStream} and {@code fileStream}, from the seeds: new files appear by an atomic
 * move, nested directories and hidden files are ignored, a file is taken by the batch whose time covers its
 * modification time, only files modified within the remember window count, and each file is taken once.
 * Files live in a {@code memory:} namespace whose modification times the test chooses; batches are 1 s.
 */
class FileStreamTest {
  private final MemoryInputDirectory input = new MemoryInputDirectory();
  private final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));

  @AfterEach
  void close() {
    t.close();
    input.close();
  }

  @Test
  void eachBatchTakesTheFilesModifiedInItsIntervalEachOnce() {
    CollectedOutput<String> out = t.collect(t.context().textFileStream(input.uri()));
    input.put("a", 300, "a1", "a2");
    input.put("b", 1_000, "b1");
    t.runBatches(1);
    input.put("c", 1_500, "c1");
    t.runBatches(2);

    assertThat(out.batches()).containsExactly(List.of("a1", "a2", "b1"), List.of("c1"), List.of());
  }

  @Test
  void aFileMovedInAfterItsBatchIsTakenByTheNextBatch() {
    CollectedOutput<String> out = t.collect(t.context().textFileStream(input.uri()));
    t.runBatches(1);
    input.put("late", 800, "written before batch 1, moved in after it");
    t.runBatches(1);

    assertThat(out.batches()).containsExactly(List.of(), List.of("written before batch 1, moved in after it"));
  }

  @Test
  void filesInNestedDirectoriesAndHiddenFilesAreIgnored() throws IOException {
    CollectedOutput<String> out = t.collect(t.context().textFileStream(input.uri()));
    InMemoryFileSystem fs = input.fileSystem();
    fs.mkdirs("/in/nested");
    fs.writeAtomically("/in/nested/inner", "inner\n".getBytes(UTF_8));
    fs.writeAtomically("/in/.half-written.tmp", "hidden\n".getBytes(UTF_8));
    fs.writeAtomically("/in/_SUCCESS", "marker\n".getBytes(UTF_8));
    input.put("visible", 500, "visible");
    t.runBatches(2);

    assertThat(out.batches()).containsExactly(List.of("visible"), List.of());
  }

  @Test
  void withNewFilesOnlyFilesModifiedBeforeTheStartAreIgnored() {
    CollectedOutput<String> out = t.collect(t.context().textFileStream(input.uri()));
    input.put("old", 100, "old");
    t.clock().setTime(500);
    input.put("new", 600, "new");
    t.runBatches(1);

    assertThat(out.batches()).containsExactly(List.of("new"));
  }

  @Test
  void withoutNewFilesOnlyTheFirstBatchAlsoTakesEveryOlderFile() {
    CollectedOutput<String> out = t.collect(t.context().fileStream(input.uri(), file -> true, false));
    t.clock().setTime(600_000);
    input.put("ancient", 0, "ancient");
    input.put("recent", 600_000, "recent");
    t.runBatches(2);

    assertThat(out.batches()).containsExactly(List.of("ancient", "recent"), List.of());
  }

  @Test
  void filesModifiedBeforeTheRememberWindowAreIgnoredAfterTheFirstBatch() {
    CollectedOutput<String> out = t.collect(t.context().fileStream(input.uri(), file -> true, false));
    t.runBatches(70);
    input.put("stale", 9_000, "modified 62 s before the next batch");
    input.put("fresh", 11_000, "modified 60 s before the next batch");
    t.runBatches(1);

    assertThat(out.batches().get(70)).containsExactly("modified 60 s before the next batch");
  }

  @Test
  void theRememberWindowIsConfigurable() {
    try (TestStreamingContext shortWindow = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().set("dstream.fileStream.minRememberDuration", "2500ms"))) {
      CollectedOutput<String> out = shortWindow.collect(shortWindow.context().textFileStream(input.uri()));
      shortWindow.runBatches(5);
      input.put("outside", 1_900, "outside the 3 s window of batch 6");
      input.put("inside", 3_000, "inside");
      shortWindow.runBatches(1);

      assertThat(out.batches().get(5)).containsExactly("inside");
    }
  }

  @Test
  void theFilterSeesEachFileAsAUriAndDecidesWhichAreTaken() {
    List<String> offered = new ArrayList<>();
    CollectedOutput<String> out = t.collect(t.context().fileStream(input.uri(), file -> {
      synchronized (offered) {
        offered.add(file);
      }
      return file.endsWith(".csv");
    }, true));
    input.put("a.csv", 100, "a");
    input.put("b.txt", 100, "b");
    t.runBatches(1);

    assertThat(out.batches()).containsExactly(List.of("a"));
    assertThat(offered).containsExactlyInAnyOrder(input.uri() + "/a.csv", input.uri() + "/b.txt");
  }

  @Test
  void aFilterThatThrowsFailsTheBatchWithItsException() {
    IOException broken = new IOException("filter broke");
    t.collect(t.context().fileStream(input.uri(), file -> {
      throw broken;
    }, true));
    input.put("a", 100, "a");

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class).hasCauseReference(broken);
  }

  @Test
  void aFilterThatReturnsNullFailsTheBatchSayingWhatToReturn() {
    t.collect(t.context().fileStream(input.uri(), file -> null, true));
    input.put("a", 100, "a");

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("returned null")
        .hasMessageContaining("return true to take the file or false to leave it");
  }

  @Test
  void linesEndWithAnyTerminatorAndMalformedUtf8BecomesReplacementCharacters() {
    CollectedOutput<String> out = t.collect(t.context().textFileStream(input.uri()));
    byte[] bytes = {'u', 'n', 'i', 'x', '\n', 'd', 'o', 's', '\r', '\n', 'b', 'a', 'd', (byte) 0xC3, '(', '\r', 'e',
        'n', 'd'};
    input.putBytes("mixed", 100, bytes);
    t.runBatches(1);

    assertThat(out.batches()).containsExactly(List.of("unix", "dos", "bad\uFFFD(", "end"));
  }

  @Test
  void aFileThatCannotBeReadFailsTheBatchNamingTheFile() {
    t.collect(t.context().textFileStream(input.uri()));
    input.put("unreadable", 100, "x");
    InjectedFaults.into(input.fileSystem()).fail(InMemoryFileSystem.Operation.OPEN);

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IOException.class).hasMessageContaining(input.uri() + "/unreadable");
  }

  @Test
  void whileTheDirectoryCannotBeListedBatchesTakeNothingAndALaterBatchTakesTheFiles() {
    CollectedOutput<String> out = t.collect(t.context().textFileStream(input.uri()));
    input.put("a", 100, "a");
    InjectedFaults.into(input.fileSystem()).fail(InMemoryFileSystem.Operation.LIST);
    try (CapturedLog log = CapturedLog.of("io.dstream.internal.stream.FileInputStreamNode")) {
      t.runBatches(2);
      InjectedFaults.into(input.fileSystem()).clear();
      t.runBatches(1);

      assertThat(log.messagesStartingWith("fileStream")).hasSize(2);
      assertThat(log.messagesStartingWith("fileStream").get(0)).contains("cannot list " + input.uri());
    }
    assertThat(out.batches()).containsExactly(List.of(), List.of(), List.of("a"));
  }

  @Test
  void aMissingDirectoryGivesEmptyBatchesUntilItAppears() throws IOException {
    String later = input.uri("/later");
    CollectedOutput<String> out = t.collect(t.context().textFileStream(later));
    t.runBatches(1);
    input.fileSystem().mkdirs("/later");
    input.fileSystem().writeAtomically("/later/f", "f\n".getBytes(UTF_8));
    t.runBatches(1);

    assertThat(out.batches()).containsExactly(List.of(), List.of("f"));
  }

  @Test
  void onTheLocalDiskFilesAreTakenByTheirModificationTimeAndNestedDirectoriesIgnored(@TempDir Path temp)
      throws IOException {
    Path in = Files.createDirectories(temp.resolve("in"));
    Path staging = Files.createDirectories(temp.resolve("staging"));
    Files.createDirectories(in.resolve("nested"));
    Files.writeString(in.resolve("nested").resolve("inner.txt"), "inner\n");
    CollectedOutput<String> out = t.collect(t.context().textFileStream(in.toString()));
    t.clock().setTime(1_700_000_000_000L);
    for (String name : List.of("first", "second")) {
      Path staged = Files.writeString(staging.resolve(name), name + "\n");
      long modified = name.equals("first") ? 1_700_000_000_500L : 1_700_000_001_500L;
      Files.setLastModifiedTime(staged, FileTime.fromMillis(modified));
      Files.move(staged, in.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
    t.runBatches(2);

    assertThat(out.batches()).containsExactly(List.of("first"), List.of("second"));
  }

  @Test
  void anUnknownSchemeIsRefusedWhenTheStreamIsCreated() {
    assertThatThrownBy(() -> t.context().textFileStream("nosuchscheme://x/in"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nosuchscheme");
  }

  @Test
  void eachFileSmallerThanThePartitionSizeIsOnePartition() {
    List<Integer> partitions = new ArrayList<>();
    t.context().textFileStream(input.uri()).foreachRDD(rdd -> partitions.add(rdd.getNumPartitions()));
    input.put("a", 100, "a1", "a2");
    input.put("b", 100, "b1");
    t.runBatches(2);

    assertThat(partitions).containsExactly(2, 0);
  }
}

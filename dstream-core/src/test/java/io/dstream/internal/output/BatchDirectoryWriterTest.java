package io.dstream.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchDirectoryWriterTest {
  @TempDir
  Path dir;

  private TestStreamingContext t;

  @BeforeEach
  void createContext() {
    t = TestStreamingContext.create(Durations.seconds(1));
  }

  @AfterEach
  void closeContext() {
    t.close();
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Map<String, String> contents(Path directory) throws IOException {
    Map<String, String> result = new HashMap<>();
    for (String name : names(directory)) {
      result.put(name, Files.readString(directory.resolve(name), StandardCharsets.UTF_8));
    }
    return result;
  }

  private Path previousAttempt(Path target) throws IOException {
    Files.createDirectories(target);
    Files.writeString(target.resolve("part-00000"), "old\n");
    Files.writeString(target.resolve("part-00007"), "from a run with more partitions\n");
    Files.writeString(target.resolve("_SUCCESS"), "");
    return target;
  }

  @Test
  void aDirectoryFromAnEarlierAttemptIsReplacedAsAWhole() throws IOException {
    Path target = previousAttempt(dir.resolve("out-1000"));
    RDD<String> rdd = t.context().parallelize(List.of("a", "b", "c"), 2);

    new BatchDirectoryWriter(target).write(RddAccess.node(rdd), PartFileFormat.text());

    assertThat(contents(target)).isEqualTo(Map.of("part-00000", "a\n", "part-00001", "b\nc\n", "_SUCCESS", ""));
    assertThat(names(dir)).containsExactly("out-1000");
  }

  @Test
  void writingTheSameBatchAgainLeavesTheSameFiles() throws IOException {
    Path target = dir.resolve("again-5000");
    RDD<Integer> rdd = t.context().parallelize(List.of(1, 2, 3, 4, 5), 3);
    BatchDirectoryWriter writer = new BatchDirectoryWriter(target);

    writer.write(RddAccess.node(rdd), PartFileFormat.text());
    Map<String, String> first = contents(target);
    writer.write(RddAccess.node(rdd), PartFileFormat.text());

    assertThat(contents(target)).isEqualTo(first).containsOnlyKeys("part-00000", "part-00001", "part-00002",
        "_SUCCESS");
  }

  @Test
  void leftoversOfAnAttemptThatDiedHalfWayAreCleanedUp() throws IOException {
    Path target = dir.resolve("crash-2000");
    Path staging = Files.createDirectories(dir.resolve(".crash-2000.writing"));
    Files.writeString(staging.resolve("part-00000"), "half");
    Path replaced = previousAttempt(dir.resolve(".crash-2000.replaced"));

    new BatchDirectoryWriter(target).write(RddAccess.node(t.context().parallelize(List.of("x"), 1)), PartFileFormat.text());

    assertThat(contents(target)).isEqualTo(Map.of("part-00000", "x\n", "_SUCCESS", ""));
    assertThat(staging).doesNotExist();
    assertThat(replaced).doesNotExist();
  }

  @Test
  void aFailedWriteKeepsThePreviousDirectoryAndRemovesItsWork() throws IOException {
    Path target = previousAttempt(dir.resolve("keep-3000"));
    Map<String, String> before = contents(target);
    RDD<Integer> failing = t.context().parallelize(List.of(1, 2, 3, 4), 2).map(x -> {
      if (x == 4) {
        throw new IllegalStateException("cannot format 4");
      }
      return x;
    });

    assertThatThrownBy(() -> new BatchDirectoryWriter(target).write(RddAccess.node(failing), PartFileFormat.text()))
        .isInstanceOf(JobFailedException.class)
        .hasRootCauseMessage("cannot format 4");

    assertThat(contents(target)).isEqualTo(before);
    assertThat(names(dir)).containsExactly("keep-3000");
  }

  @Test
  void anRddWithoutPartitionsWritesOnlyTheMarker() throws IOException {
    Path target = dir.resolve("empty-1000");
    new BatchDirectoryWriter(target).write(RddAccess.node(t.context().<String>emptyRDD()), PartFileFormat.text());
    assertThat(names(target)).containsExactly("_SUCCESS");
  }

  @Test
  void partFilesAreNumberedWithFiveDigits() {
    assertThat(BatchDirectoryWriter.partFileName(0)).isEqualTo("part-00000");
    assertThat(BatchDirectoryWriter.partFileName(123)).isEqualTo("part-00123");
  }

  @Test
  void aFileSystemRootCannotBeATarget() {
    Path root = dir.getRoot();
    assertThatThrownBy(() -> new BatchDirectoryWriter(root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no parent directory");
  }
}

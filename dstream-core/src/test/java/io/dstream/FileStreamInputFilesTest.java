package io.dstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which entries of a file stream's directory are input, and how a file is read: a large file is several
 * partitions of at most {@code dstream.fileStream.maxPartitionBytes}, each line in exactly one; a named pipe
 * is skipped with one WARN instead of blocking the batch; a file that changes after its batch took it is
 * logged once, and the change is not read.
 */
class FileStreamInputFilesTest {
  private final MemoryInputDirectory input = new MemoryInputDirectory();

  @AfterEach
  void close() {
    input.close();
  }

  @Test
  void aFileLargerThanThePartitionSizeIsSeveralPartitionsWithEveryLineOnce() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      lines.add("line " + i + (i % 7 == 0 ? " é€\uD83D\uDE00" : ""));
    }
    String text = String.join("\r\n", lines);
    List<Integer> partitions = new ArrayList<>();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().set("dstream.fileStream.maxPartitionBytes", "1000"))) {
      DStream<String> stream = t.context().textFileStream(input.uri());
      stream.foreachRDD(rdd -> partitions.add(rdd.getNumPartitions()));
      CollectedOutput<String> out = t.collect(stream);
      input.putBytes("large", 100, text.getBytes(UTF_8));
      input.put("small", 100, "small");
      t.runBatches(1);

      int expectedLargeParts = (text.getBytes(UTF_8).length + 999) / 1000;
      assertThat(partitions).containsExactly(expectedLargeParts + 1);
      List<String> expected = new ArrayList<>(lines);
      expected.add("small");
      assertThat(out.batches()).containsExactly(expected);
    }
  }

  @Test
  void aPartitionSizeBelowOneByteIsRefusedNamingTheKey() {
    StreamingConf conf = new StreamingConf();
    assertThatThrownBy(() -> conf.set("dstream.fileStream.maxPartitionBytes", "0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dstream.fileStream.maxPartitionBytes")
        .hasMessageContaining("0");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aNamedPipeIsSkippedWithOneWarningAndTheOtherFilesAreRead(@TempDir Path temp)
      throws IOException, InterruptedException {
    Path in = Files.createDirectories(temp.resolve("in"));
    assumeTrue(mkfifo(in.resolve("pipe")), "mkfifo is not available here");
    Files.writeString(in.resolve("regular"), "regular\n");
    Files.createDirectories(in.resolve("nested"));
    Files.writeString(in.resolve("nested").resolve("inner"), "inner\n");

    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
        CapturedLog log = CapturedLog.of("io.dstream.internal.stream.NewFileFinder")) {
      // Not newFilesOnly, so that the first batch takes every entry modified before it, whatever the time.
      CollectedOutput<String> out = t.collect(t.context().fileStream(in.toString(), file -> true, false));
      t.clock().setTime(System.currentTimeMillis() + 60_000);
      t.runBatches(3);

      assertThat(out.batches()).containsExactly(List.of("regular"), List.of(), List.of());
      assertThat(log.messagesStartingWith("fileStream")).singleElement().asString()
          .contains(in.resolve("pipe").toUri().toString().replaceAll("/$", ""))
          .contains("not a regular file");
    }
  }

  @Test
  void aFileThatChangesAfterItsBatchTookItIsLoggedOnceAndTheChangeIsNotRead() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
        CapturedLog log = CapturedLog.of("io.dstream.internal.stream.TakenFiles")) {
      CollectedOutput<String> out = t.collect(t.context().textFileStream(input.uri()));
      input.put("growing", 100, "first");
      t.runBatches(1);
      input.appendInPlace("growing", 100, "appended later\n");
      t.runBatches(1);
      input.appendInPlace("growing", 100, "and again\n");
      t.runBatches(2);

      assertThat(out.batches()).containsExactly(List.of("first"), List.of(), List.of(), List.of());
      assertThat(log.messagesStartingWith("fileStream")).singleElement().asString()
          .contains(input.uri() + "/growing").contains("changed after it was taken")
          .contains("length 6 -> 21 bytes").contains("atomic rename");
    }
  }

  private static boolean mkfifo(Path path) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor() == 0;
    } catch (IOException noMkfifo) {
      return false;
    }
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.RDD;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveAsFilesTest {
  @TempDir
  Path dir;

  record Event(String user, int clicks, List<String> pages) {}

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void eachBatchWritesADirectoryNamedByPrefixAndBatchTimeInMillis() throws IOException {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<Integer> in = t.inputStream(List.of(List.of(1, 2), List.of(3)));
      in.saveAsTextFiles(dir.resolve("plain").toString());
      in.saveAsTextFiles(dir.resolve("suffixed").toString(), "txt");
      in.saveAsTextFiles(dir.resolve("emptySuffix").toString(), "");
      t.runBatches(2);
    }
    assertThat(names(dir)).containsExactly("emptySuffix-1000", "emptySuffix-2000", "plain-1000", "plain-2000",
        "suffixed-1000.txt", "suffixed-2000.txt");
  }

  @Test
  void textFilesHoldOnePartFilePerPartitionWithEachRecordOnItsOwnLine() throws IOException {
    Random random = new Random(11);
    List<List<String>> batches = new ArrayList<>();
    for (int b = 0; b < 2; b++) {
      List<String> batch = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        batch.add("w" + random.nextInt(1000));
      }
      batches.add(batch);
    }
    List<List<List<String>>> partitions;
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<String> words = t.inputStream(batches).repartition(3);
      words.saveAsTextFiles(dir.resolve("words").toString());
      CollectedOutput<List<String>> glommed = t.collect(words.glom());
      t.runBatches(2);
      partitions = glommed.batches();
    }
    for (int b = 0; b < 2; b++) {
      Path batchDir = dir.resolve("words-" + (b + 1) * 1000);
      assertThat(names(batchDir)).containsExactly("_SUCCESS", "part-00000", "part-00001", "part-00002");
      assertThat(Files.size(batchDir.resolve("_SUCCESS"))).isZero();
      List<String> all = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        List<String> partLines = lines(batchDir.resolve(String.format("part-%05d", p)));
        assertThat(partLines).containsExactlyInAnyOrderElementsOf(partitions.get(b).get(p));
        all.addAll(partLines);
      }
      assertThat(all).containsExactlyInAnyOrderElementsOf(batches.get(b));
    }
  }

  @Test
  void textFilesUseToStringAndUtf8() throws IOException {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().set("dstream.default.parallelism", "1"))) {
      PairDStream<String, Integer> pairs = t.pairInputStream(List.of(List.of(
          new Tuple2<>("héllo", 1), new Tuple2<>("wörld ✓", 2))));
      pairs.saveAsTextFiles(dir.resolve("pairs").toString(), "out");
      t.runBatches(1);
    }
    byte[] bytes = Files.readAllBytes(dir.resolve("pairs-1000.out").resolve("part-00000"));
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("(héllo,1)\n(wörld ✓,2)\n");
  }

  @Test
  void objectFilesRoundTripThroughObjectFile() {
    List<Event> first = List.of(new Event("ann", 3, List.of("/a", "/b")), new Event("bob", 0, List.of()));
    List<Event> second = List.of(new Event("cy", 1, List.of("/c")));
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.inputStream(List.of(first, second)).saveAsObjectFiles(dir.resolve("events").toString(), "bin");
      t.runBatches(2);

      RDD<Event> back = t.context().objectFile(dir.resolve("events-1000.bin").toString());
      assertThat(back.getNumPartitions()).isEqualTo(2);
      assertThat(back.collect()).containsExactlyElementsOf(first);
      assertThat(t.context().<Event>objectFile(dir.resolve("events-2000.bin").toString()).collect())
          .containsExactlyElementsOf(second);
    }
  }

  @Test
  void pairStreamsSaveObjectFilesToo() {
    List<Tuple2<String, Map<String, Integer>>> batch = List.of(
        new Tuple2<>("k1", Map.of("a", 1)), new Tuple2<>("k2", Map.of()));
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.pairInputStream(List.of(batch)).saveAsObjectFiles(dir.resolve("pairs").toString());
      t.runBatches(1);
      assertThat(t.context().<Tuple2<String, Map<String, Integer>>>objectFile(dir.resolve("pairs-1000").toString())
          .collect()).containsExactlyElementsOf(batch);
    }
  }

  @Test
  void anEmptyBatchWritesOnlyTheSuccessMarker() throws IOException {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<String> in = t.inputStream(List.of(List.of("x")));
      in.saveAsTextFiles(dir.resolve("text").toString());
      in.saveAsObjectFiles(dir.resolve("objects").toString());
      t.runBatches(2);
      assertThat(names(dir.resolve("text-2000"))).containsExactly("_SUCCESS");
      assertThat(names(dir.resolve("objects-2000"))).containsExactly("_SUCCESS");
      assertThat(t.context().objectFile(dir.resolve("objects-2000").toString()).collect()).isEmpty();
    }
  }

  @Test
  void emptyPartitionsWriteEmptyPartFiles() throws IOException {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.inputStream(List.of(List.<String>of())).repartition(2).saveAsTextFiles(dir.resolve("none").toString());
      t.runBatches(1);
    }
    Path batchDir = dir.resolve("none-1000");
    assertThat(names(batchDir)).containsExactly("_SUCCESS", "part-00000", "part-00001");
    assertThat(Files.size(batchDir.resolve("part-00000"))).isZero();
    assertThat(Files.size(batchDir.resolve("part-00001"))).isZero();
  }

  @Test
  void noHiddenWorkingDirectoriesAreLeftBehind() throws IOException {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.inputStream(List.of(List.of(1), List.of(2))).saveAsObjectFiles(dir.resolve("n").toString());
      t.runBatches(2);
    }
    assertThat(names(dir)).containsExactly("n-1000", "n-2000");
  }

  @Test
  void aPrefixUnderAFileFailsTheBatchWithTheIoErrorAsCause() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.inputStream(List.of(List.of(1))).saveAsTextFiles(file.resolve("out").toString());
      assertThatThrownBy(() -> t.runBatches(1))
          .isInstanceOf(JobFailedException.class)
          .cause()
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot create the directory " + file);
    }
  }

  @Test
  void aFileWhereTheBatchDirectoryGoesFailsTheBatch() throws IOException {
    Files.writeString(dir.resolve("out-1000"), "someone else's file");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.inputStream(List.of(List.of(1))).saveAsTextFiles(dir.resolve("out").toString());
      assertThatThrownBy(() -> t.runBatches(1))
          .isInstanceOf(JobFailedException.class)
          .cause()
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not a directory is in the way");
    }
    assertThat(Files.readString(dir.resolve("out-1000"))).isEqualTo("someone else's file");
  }

  @Test
  void aFailingRecordFailsTheBatchWithTheUserExceptionAndWritesNoDirectory() throws IOException {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.inputStream(List.of(List.of(1, 2, 3))).map(x -> {
        if (x == 3) {
          throw new IllegalStateException("record 3 is bad");
        }
        return x;
      }).saveAsTextFiles(dir.resolve("bad").toString());
      assertThatThrownBy(() -> t.runBatches(1))
          .isInstanceOf(JobFailedException.class)
          .hasRootCauseMessage("record 3 is bad");
    }
    assertThat(names(dir)).isEmpty();
  }

  @Test
  void anEmptyPrefixIsRefusedWhenTheOutputIsDefined() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<Integer> in = t.inputStream(List.of(List.of(1)));
      assertThatThrownBy(() -> in.saveAsTextFiles(" "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("saveAsTextFiles: the prefix must not be empty");
      assertThatThrownBy(() -> in.saveAsObjectFiles("", "bin"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("saveAsObjectFiles: the prefix must not be empty");
    }
  }

  @Test
  void objectFileOfAMissingDirectoryIsRefused() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      assertThatThrownBy(() -> t.context().objectFile(dir.resolve("nothing-1000").toString()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not exist")
          .hasMessageContaining("saveAsObjectFiles");
    }
  }

  @Test
  void aCorruptPartFileFailsTheReadingJobAndNamesTheFile() throws IOException {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.inputStream(List.of(List.of("a", "b", "c", "d"))).saveAsObjectFiles(dir.resolve("c").toString());
      t.runBatches(1);
      Path part = dir.resolve("c-1000").resolve("part-00001");
      byte[] bytes = Files.readAllBytes(part);
      bytes[bytes.length - 1] ^= 0x7f;
      Files.write(part, bytes);

      RDD<String> back = t.context().objectFile(dir.resolve("c-1000").toString());
      assertThatThrownBy(back::collect)
          .isInstanceOf(JobFailedException.class)
          .cause()
          .isInstanceOf(CorruptDataException.class)
          .hasMessageContaining(part.toString())
          .hasMessageContaining("checksum does not match");
    }
  }
}

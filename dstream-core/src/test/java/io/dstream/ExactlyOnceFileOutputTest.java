package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.JobFailedException;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end exactly once, as the seeds promise for files: a file stream feeding word counts saved with
 * {@code saveAsTextFiles}, stopped with a failed batch and restarted after time spent down, writes exactly the
 * directories, with exactly the contents, of a run that never stopped. (The crash test
 * {@code FileStreamCrashRecoveryIT} kills a real process at random moments; this one is deterministic.)
 */
class ExactlyOnceFileOutputTest {
  private static final int BATCHES = 8;

  private final MemoryInputDirectory input = new MemoryInputDirectory();

  @TempDir
  Path out;

  @AfterEach
  void close() {
    input.close();
  }

  /** Puts one file of random words per batch interval, modified half-way through it. */
  private void putInputFiles() {
    Random random = new Random(4);
    for (int i = 0; i < BATCHES; i++) {
      List<String> lines = new ArrayList<>();
      for (int l = 0; l < 20; l++) {
        lines.add("w" + random.nextInt(15) + " w" + random.nextInt(15) + " w" + random.nextInt(15));
      }
      input.put("part-" + i, i * 1_000L + 500, lines.toArray(String[]::new));
    }
  }

  private TestStreamingContext wordCounts(String outputPrefix) {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
    t.context().textFileStream(input.uri())
        .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
        .mapToPair(word -> new Tuple2<>(word, 1))
        .reduceByKey(Integer::sum)
        .saveAsTextFiles(outputPrefix);
    return t;
  }

  /** Returns every batch directory under a parent with its part files' lines, sorted. */
  private static Map<String, List<String>> outputs(Path parent) throws IOException {
    Map<String, List<String>> batches = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(parent)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir)) {
          for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
            lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
          }
        }
        lines.sort(null);
        batches.put(dir.getFileName().toString(), lines);
      }
    }
    return batches;
  }

  @Test
  void aStoppedAndRecoveredRunWritesExactlyTheOutputOfARunWithoutStop() throws IOException {
    putInputFiles();
    Path expected = Files.createDirectories(out.resolve("expected"));
    try (TestStreamingContext t = wordCounts(expected.resolve("counts").toString())) {
      t.runBatches(BATCHES);
    }

    Path recovered = Files.createDirectories(out.resolve("recovered"));
    String prefix = recovered.resolve("counts").toString();
    String checkpoints = input.uri("/checkpoints");
    // Batch 4's directory cannot be written: a file is in the way, so the batch fails and stays unfinished.
    Path blocker = Files.writeString(recovered.resolve("counts-4000"), "in the way");
    try (TestStreamingContext first = wordCounts(prefix)) {
      first.recoverFrom(checkpoints);
      first.runBatches(3);
      assertThatThrownBy(() -> first.runBatches(1)).isInstanceOf(JobFailedException.class);
      first.runBatches(1);
    }
    Files.delete(blocker);
    try (TestStreamingContext second = wordCounts(prefix)) {
      second.recoverFrom(checkpoints);
      second.clock().setTime(7_000);
      second.runBatches(1);
    }

    assertThat(outputs(recovered)).isEqualTo(outputs(expected)).hasSize(BATCHES);
  }
}

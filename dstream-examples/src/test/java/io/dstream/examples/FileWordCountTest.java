package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Tuple2;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileWordCount} on files moved atomically into a directory. The pipeline runs on the test kit's
 * manual clock, and each file's modification time is set before the move, so the test decides which batch
 * takes it; {@code main} runs on the system clock.
 */
class FileWordCountTest {
  private static final long BATCH = FileWordCount.BATCH_INTERVAL.milliseconds();
  private static final long START = 10 * BATCH;

  @TempDir
  Path watched;
  @TempDir
  Path staging;

  @Test
  void eachBatchCountsTheWordsOfTheFilesThatAppearedSinceThePreviousOne() throws IOException {
    List<List<String>> files = SelfFeedingWordCount.generateLines(3, 4, 17);
    try (TestStreamingContext t = TestStreamingContext.create(FileWordCount.BATCH_INTERVAL)) {
      CollectedOutput<Tuple2<String, Integer>> out =
          t.collect(FileWordCount.wordCounts(t.context(), watched.toString()));
      moveIn("before-the-start.txt", List.of("ignored words"), START - BATCH);
      t.clock().setTime(START);

      moveIn("first.txt", files.get(0), START + BATCH / 2);
      moveIn("second.txt", files.get(1), START + BATCH);
      t.runBatches(1);
      moveIn("third.txt", files.get(2), START + BATCH + 1);
      t.runBatches(2);

      List<String> firstBatch = new ArrayList<>(files.get(0));
      firstBatch.addAll(files.get(1));
      assertThat(out.batches().stream().map(CountPairs::toMap).toList()).containsExactly(
          PlainWordCount.count(firstBatch), PlainWordCount.count(files.get(2)), Map.of());
    }
  }

  @Test
  void mainWatchesTheDirectoryForTheGivenNumberOfBatchesAndReturns() throws Exception {
    String printed =
        PrintedBatches.captureStdout(() -> FileWordCount.main(new String[] {watched.toString(), "1"}));

    List<PrintedBatches.Batch> batches = PrintedBatches.parse(printed);
    assertThat(batches).as("one batch, and any that were due before the graceful stop").isNotEmpty()
        .allSatisfy(batch -> assertThat(batch.records()).isEmpty());
  }

  private void moveIn(String name, List<String> lines, long modifiedAtMillis) throws IOException {
    new DatedFiles(staging).moveIn(watched, name, lines, modifiedAtMillis);
  }
}

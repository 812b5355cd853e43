package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.TestStreamingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RecoverableNetworkWordCount}'s output on the test kit's manual clock, across a crash and a recovery
 * from the checkpoint ({@code recoverFrom} is what {@code getOrCreate} does): the batch that was running at
 * the crash runs again without being appended twice, the batch times that passed while the application was
 * down are run, and the file goes on without a gap. {@code RecoverableNetworkWordCountIT} kills the real
 * {@code main} in a child JVM.
 */
class RecoverableNetworkWordCountTest {
  private static final long CRASH_AT = 3_000;
  private static final IllegalStateException CRASH = new IllegalStateException("the JVM dies here");

  @TempDir
  Path work;

  @Test
  void aBatchRunAgainAfterTheCrashIsNotAppendedTwiceAndTheTimesMissedWhileDownAreRun() throws Exception {
    List<List<String>> lines = SelfFeedingWordCount.generateLines(6, 3, 41);
    String checkpoints = work.resolve("checkpoints").toString();
    Path output = work.resolve("counts.txt");

    try (TestStreamingContext first = TestStreamingContext.create(Durations.seconds(1))) {
      definePipeline(first, lines.subList(0, 3), output, true);
      first.recoverFrom(checkpoints);
      first.runBatches(2);
      assertThatThrownBy(() -> first.runBatches(1)).isInstanceOf(JobFailedException.class).hasCause(CRASH);
    }
    List<String> atTheCrash = Files.readAllLines(output);
    assertThat(atTheCrash).as("batch 3 was appended before its batch failed").hasSize(3);

    String printed;
    try (TestStreamingContext second = TestStreamingContext.create(Durations.seconds(1))) {
      // The source gives batch 3's lines again, as the receiver's write-ahead log does.
      definePipeline(second, lines.subList(2, 6), output, false);
      assertThat(second.recoverFrom(checkpoints)).isTrue();
      second.clock().setTime(second.clock().getTimeMillis() + 2_000);  // down for two batch intervals
      printed = PrintedBatches.captureStdout(() -> second.runBatches(1));
    }

    List<String> after = Files.readAllLines(output);
    assertThat(printed).contains("Batch " + CRASH_AT + " ms is already in " + output + "; not appending it again");
    assertThat(after).startsWith(atTheCrash.toArray(String[]::new));
    assertThat(after.stream().map(CountsFile::timeOf).toList())
        .containsExactly(1_000L, 2_000L, 3_000L, 4_000L, 5_000L, 6_000L);
    List<String> allLines = lines.stream().flatMap(List::stream).toList();
    assertThat(CountPairs.summedInCountsFile(after)).as("every line counted once").isEqualTo(
        PlainWordCount.count(allLines));
  }

  /**
   * The example's output, on lines from a queue, plus an output after it that fails batch 3 when
   * {@code crash} is set: the batch has appended its counts, but is not complete when the "JVM dies".
   */
  private static void definePipeline(TestStreamingContext t, List<List<String>> lines, Path output, boolean crash) {
    PairDStream<String, Integer> counts = WordCounts.countPerBatch(t.inputStream(new ArrayList<>(lines)));
    RecoverableNetworkWordCount.appendToFile(counts, new CountsFile(output));
    counts.foreachRDD((rdd, time) -> {
      if (crash && time.milliseconds() == CRASH_AT) {
        throw CRASH;
      }
    });
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.internal.scheduler.BatchSchedule;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.TestStreamingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Restarting a file-stream pipeline with {@link TestStreamingContext#recoverFrom} (the code of
 * {@code getOrCreate}): a run stops, a new run of the same program recovers from the checkpoint directory, and
 * between them every file is processed exactly once. Each run is a fresh context whose manual clock resumes
 * at the checkpoint's latest batch; batches are 1 s.
 */
class FileStreamRecoveryTest {
  private final MemoryInputDirectory input = new MemoryInputDirectory();
  private final String checkpoints = input.uri("/checkpoints");
  private final List<TestStreamingContext> runs = new ArrayList<>();

  @AfterEach
  void close() {
    runs.forEach(TestStreamingContext::close);
    input.close();
  }

  /** One run of the program: lines of the input directory, recorded by batch time. */
  private final class Run {
    final TestStreamingContext t;
    final Map<Long, List<String>> batches = new ConcurrentHashMap<>();
    // The output reads its batch, then fails: as a crash after the batch was read, the batch is not done.
    final Map<Long, List<String>> readBeforeFailing = new ConcurrentHashMap<>();
    final AtomicBoolean outputFails = new AtomicBoolean();

    Run(StreamingConf conf, boolean newFilesOnly, Function<DStream<String>, DStream<String>> transformation) {
      t = TestStreamingContext.create(Durations.seconds(1), conf);
      runs.add(t);
      DStream<String> lines = t.context().fileStream(input.uri(), file -> true, newFilesOnly);
      transformation.apply(lines).foreachRDD((rdd, time) -> {
        List<String> records = rdd.collect();
        if (outputFails.get()) {
          readBeforeFailing.put(time.milliseconds(), records);
          throw new IllegalStateException("the output's target is down");
        }
        batches.put(time.milliseconds(), records);
      });
    }

    Run(boolean newFilesOnly, Function<DStream<String>, DStream<String>> transformation) {
      this(new StreamingConf(), newFilesOnly, transformation);
    }

    Run(Function<DStream<String>, DStream<String>> transformation) {
      this(true, transformation);
    }

    Run() {
      this(true, lines -> lines);
    }

    Map<Long, List<String>> sortedBatches() {
      return new TreeMap<>(batches);
    }
  }

  /** A transformation of the pipeline, as the program's code defines it. */
  private interface Function<A, B> {
    B apply(A a);
  }

  @Test
  void aRunWithoutCheckpointStartsAfresh() {
    Run first = new Run();
    input.put("a", 500, "a");

    assertThat(first.t.recoverFrom(checkpoints)).isFalse();
    first.t.runBatches(1);
    assertThat(first.sortedBatches()).containsExactly(Map.entry(1_000L, List.of("a")));
  }

  @Test
  void afterACleanStopTheNextRunTakesOnlyNewFiles() {
    Run first = new Run();
    first.t.recoverFrom(checkpoints);
    input.put("a", 500, "a");
    first.t.runBatches(2);
    first.t.close();

    Run second = new Run();
    assertThat(second.t.recoverFrom(checkpoints)).isTrue();
    assertThat(second.t.clock().getTimeMillis()).isEqualTo(2_000);
    input.put("b", 2_500, "b");
    second.t.runBatches(1);

    assertThat(second.sortedBatches()).containsExactly(Map.entry(3_000L, List.of("b")));
  }

  @Test
  void aBatchLeftUnfinishedRunsAgainFirstWithTheFilesItTookThen() {
    Run first = new Run();
    first.t.recoverFrom(checkpoints);
    input.put("a", 500, "a");
    first.t.runBatches(1);
    input.put("b", 1_500, "b");
    first.outputFails.set(true);
    assertThatThrownBy(() -> first.t.runBatches(1)).isInstanceOf(JobFailedException.class);
    first.outputFails.set(false);
    input.put("c", 2_500, "c");
    first.t.runBatches(1);
    first.t.close();
    // A file modified in batch 2's interval but moved in only now must not join batch 2's rerun.
    input.put("late", 1_700, "late");

    Run second = new Run();
    second.t.recoverFrom(checkpoints);
    assertThat(second.t.context().runtime.batchesToRerun()).containsExactly(new Time(2_000));
    second.t.runBatches(1);

    assertThat(second.sortedBatches()).containsExactly(
        Map.entry(2_000L, List.of("b")), Map.entry(4_000L, List.of("late")));
  }

  @Test
  void batchesMissedWhileDownRunWithTheFilesOfTheirIntervalsThenTheRunGoesOn() {
    Run first = new Run();
    first.t.recoverFrom(checkpoints);
    input.put("f1", 500, "10 lines");
    input.put("f2", 1_500, "20 lines");
    input.put("f3", 2_500, "30 lines");
    first.t.runBatches(3);
    first.t.close();
    input.put("f4", 3_500, "40 lines");
    input.put("f5", 4_500, "50 lines");
    input.put("f6", 5_500, "60 lines");

    Run second = new Run();
    second.t.recoverFrom(checkpoints);
    second.t.clock().setTime(6_200);
    input.put("f7", 6_500, "70 lines");
    second.t.runBatches(1);

    assertThat(first.sortedBatches().values()).containsExactly(
        List.of("10 lines"), List.of("20 lines"), List.of("30 lines"));
    assertThat(second.sortedBatches()).containsExactly(Map.entry(4_000L, List.of("40 lines")),
        Map.entry(5_000L, List.of("50 lines")), Map.entry(6_000L, List.of("60 lines")),
        Map.entry(7_000L, List.of("70 lines")));
  }

  @Test
  void aChangedFunctionBodyRecoversAndRunsTheNewCode() {
    Run first = new Run(lines -> lines.map(String::toUpperCase));
    first.t.recoverFrom(checkpoints);
    input.put("a", 500, "a");
    first.t.runBatches(1);
    first.t.close();

    Run second = new Run(lines -> lines.map(line -> line + "!"));
    input.put("b", 1_500, "b");
    assertThat(second.t.recoverFrom(checkpoints)).isTrue();
    second.t.runBatches(1);

    assertThat(first.sortedBatches()).containsExactly(Map.entry(1_000L, List.of("A")));
    assertThat(second.sortedBatches()).containsExactly(Map.entry(2_000L, List.of("b!")));
  }

  @Test
  void filesTakenWithinTheRememberWindowAreNotTakenAgainAfterARestart() {
    // Without newFilesOnly, only the recovered record of what batch 1 took keeps "a" out of batch 2.
    Run first = new Run(false, lines -> lines);
    first.t.recoverFrom(checkpoints);
    input.put("a", 900, "a");
    first.t.runBatches(1);
    first.t.close();

    Run second = new Run(false, lines -> lines);
    second.t.recoverFrom(checkpoints);
    second.t.runBatches(2);

    assertThat(second.sortedBatches()).containsExactly(Map.entry(2_000L, List.of()), Map.entry(3_000L, List.of()));
  }

  @Test
  void aBatchRunAgainReadsItsFilesUpToTheLengthTheyHadWhenItTookThemAndTheChangeIsLoggedOnce() {
    Run first = new Run();
    first.t.recoverFrom(checkpoints);
    // The last line has no terminator yet: a writer that appends in place will complete it.
    input.putBytes("a", 500, "one\nabc".getBytes(StandardCharsets.UTF_8));
    first.outputFails.set(true);
    assertThatThrownBy(() -> first.t.runBatches(1)).isInstanceOf(JobFailedException.class);
    first.t.close();
    input.appendInPlace("a", 1_200, "def\nxyz\n");

    try (CapturedLog log = CapturedLog.of("io.dstream.internal.stream.TakenFiles")) {
      Run second = new Run();
      second.t.recoverFrom(checkpoints);
      second.t.runBatches(2);

      assertThat(first.readBeforeFailing).containsExactly(Map.entry(1_000L, List.of("one", "abc")));
      assertThat(second.sortedBatches()).containsExactly(Map.entry(1_000L, List.of("one", "abc")),
          Map.entry(2_000L, List.of()), Map.entry(3_000L, List.of()));
      assertThat(log.messagesStartingWith("fileStream")).singleElement().asString()
          .contains(input.uri() + "/a").contains("changed after it was taken")
          .contains("length 7 -> 15 bytes, modified at 500 -> 1200 ms");
    }
  }

  @Test
  void aWindowLongerThanTheMinRememberDurationCountsTheSameAcrossARestartAsWithout() {
    // The file stream's own window is 2 s; the count's window needs the files of the last 5 batches.
    StreamingConf conf = new StreamingConf().set("dstream.fileStream.minRememberDuration", "2s");
    Function<DStream<String>, DStream<String>> windowedCount =
        lines -> lines.window(Durations.seconds(5)).count().map(String::valueOf);
    for (int batch = 1; batch <= 8; batch++) {
      String[] lines = new String[batch];
      Arrays.fill(lines, "line of file " + batch);
      input.put("f" + batch, batch * 1_000L - 500, lines);
    }

    Run uninterrupted = new Run(conf, true, windowedCount);
    uninterrupted.t.runBatches(8);
    uninterrupted.t.close();

    Run first = new Run(conf, true, windowedCount);
    first.t.recoverFrom(checkpoints);
    first.t.runBatches(4);
    first.t.close();
    Run second = new Run(conf, true, windowedCount);
    second.t.recoverFrom(checkpoints);
    second.t.runBatches(4);

    Map<Long, List<String>> acrossTheRestart = new TreeMap<>(first.batches);
    acrossTheRestart.putAll(second.batches);
    assertThat(acrossTheRestart).isEqualTo(uninterrupted.sortedBatches());
    assertThat(uninterrupted.sortedBatches()).containsEntry(8_000L, List.of(String.valueOf(4 + 5 + 6 + 7 + 8)));
  }

  @Test
  void theCheckpointRecordsWhatARestartNeedsAfterEveryBatch() {
    Run first = new Run();
    first.t.recoverFrom(checkpoints);
    first.outputFails.set(true);
    assertThatThrownBy(() -> first.t.runBatches(1)).isInstanceOf(JobFailedException.class);
    first.outputFails.set(false);
    first.t.runBatches(1);
    first.t.close();

    Run second = new Run();
    second.t.recoverFrom(checkpoints);
    BatchSchedule schedule = second.t.context().runtime.recoveredSchedule().orElseThrow();
    assertThat(schedule.zeroTime()).isEqualTo(new Time(0));
    assertThat(schedule.lastGeneratedTime()).isEqualTo(new Time(2_000));
    assertThat(schedule.unfinishedTimes()).containsExactly(new Time(1_000));
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection soak: not part of {@code mvn verify}; the {@code soak} profile runs it (the command and
 * its figures are in docs/fault-tolerance.md, "Faults tested"). A child JVM runs
 * {@link FaultInjectionSoakChild} (a file stream, a windowed count per key, {@code updateStateByKey}, and a
 * reliable receiver with the write-ahead log, 200 ms batches on the real clock), and the soak kills it with
 * SIGKILL at random moments, {@code dstream.soak.kills} times (50 by default), restarting it with
 * {@code getOrCreate} each time, while it feeds the input of {@link SoakFeed} (also while the child is down).
 * Then it runs the same program on the same input without a single kill. {@link SoakOutputCheck} checks both
 * runs' outputs, and the soak compares them: the same file records, the same final counts per key, the same
 * window total; and for the receiver, no record lost (duplicates are allowed, and counted).
 *
 * <p>The kill moments ({@link #EARLY}, {@link #LATER}) are drawn from the seed {@code dstream.soak.seed} (a new
 * one each time by default), which the soak prints first and every failure message repeats; the timing of the
 * child's batches varies from one run to the next, so a seed reproduces the input and the choices, not the
 * exact moments. The soak stops by itself: it ends the kills at three quarters of
 * {@code dstream.soak.minutes} (30 by default) and fails at that bound. Its work directory (the children's
 * logs and event lists, inputs, checkpoints and outputs) stays under {@code target/} for inspection.
 */
class FaultInjectionSoak {
  private static final long BATCH_MILLIS = 200;
  /**
   * A quarter of the kills: within 1.5 s of the JVM's launch, while it boots, {@code getOrCreate} reads the
   * checkpoint and the write-ahead log, or the first batches run again.
   */
  private static final CrashLoop.KillMoments EARLY = new CrashLoop.KillMoments(1, true, event -> true, 1_500);
  /**
   * The others: after up to about 10 batches of progress, then up to one batch more. {@code submitted} reports
   * are not counted: a restart submits all the batches it runs again at once, and counting those bursts would
   * put most kills just after a restart, before the first batch run again completes, so that the backlog of
   * batches to run again would grow from kill to kill.
   */
  private static final CrashLoop.KillMoments LATER = new CrashLoop.KillMoments(30, true,
      event -> !event.startsWith("submitted"), (int) BATCH_MILLIS);

  /** What one run (crashed or crash-free) did, and what its outputs held. */
  private record RunResult(SoakOutputCheck check, SoakOutputCheck.Figures figures, long seconds, int units,
      int kills, int killsBeforeStart, Map<String, Integer> warnings, long temporariesLeft) {}

  @Test
  void killedAtRandomMomentsTheRunOutputsWhatTheCrashFreeRunOutputs() throws IOException {
    int kills = Integer.getInteger("dstream.soak.kills", 50);
    long seed = Long.getLong("dstream.soak.seed", ThreadLocalRandom.current().nextLong());
    long minutes = Long.getLong("dstream.soak.minutes", 30);
    Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "soak-" + seed + "-")
        .toAbsolutePath();
    System.out.printf("fault-injection soak: seed %d, %d kills, at most %d minutes, in %s%n", seed, kills,
        minutes, work);
    long killsEnd = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes) * 3 / 4;
    String context = String.format("seed %d; reproduce with -Ddstream.soak.seed=%d -Ddstream.soak.kills=%d; "
        + "the runs are in %s", seed, seed, kills, work);
    assertTimeoutPreemptively(java.time.Duration.ofMinutes(minutes), () -> {
      Random moments = new Random(seed);
      RunResult crashed = crashedRun(work.resolve("crashed"), moments, seed, kills, killsEnd);
      RunResult crashFree = crashFreeRun(work.resolve("crash-free"), moments, seed, crashed.units());
      System.out.printf("%nfault-injection soak, seed %d: %d kills (%d before the context had started), "
          + "%d input units%n%s%s", seed, crashed.kills(), crashed.killsBeforeStart(), crashed.units() + 2,
          describe("crashed", crashed), describe("crash-free", crashFree));
      assertHeld(crashed, crashFree, kills, context);
    }, () -> "the soak did not end within " + minutes + " minutes (" + context + ")");
  }

  private static RunResult crashedRun(Path work, Random moments, long seed, int kills, long killsEnd)
      throws Exception {
    long start = System.nanoTime();
    try (ResendingRecordServer server = new ResendingRecordServer()) {
      SoakFeed feed = new SoakFeed(seed, server);
      try (CrashLoop loop = new CrashLoop(work, FaultInjectionSoakChild.class, BATCH_MILLIS, feed,
          List.of(Integer.toString(server.port())))) {
        while (loop.kills() < kills && System.nanoTime() < killsEnd) {
          loop.runAndKill(moments, "run-" + loop.kills(), moments.nextInt(4) == 0 ? EARLY : LATER);
        }
        int units = feed.units();
        loop.finish(moments);
        return result(loop, server, start, units, work);
      }
    }
  }

  private static RunResult crashFreeRun(Path work, Random moments, long seed, int units) throws Exception {
    long start = System.nanoTime();
    try (ResendingRecordServer server = new ResendingRecordServer()) {
      try (CrashLoop loop = new CrashLoop(work, FaultInjectionSoakChild.class, BATCH_MILLIS,
          new SoakFeed(seed, server), List.of(Integer.toString(server.port())))) {
        loop.runWithoutKills(moments, units);
        loop.finish(moments);
        return result(loop, server, start, units, work);
      }
    }
  }

  private static RunResult result(CrashLoop loop, ResendingRecordServer server, long start, int units, Path work)
      throws IOException {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    SoakOutputCheck check = new SoakOutputCheck(loop, BATCH_MILLIS);
    SoakOutputCheck.Figures figures = check.check(server.offered(), server.resent());
    return new RunResult(check, figures, seconds, units, loop.kills(), loop.killsBeforeStart(),
        ChildLogWarnings.of(work), temporariesLeftIn(work.resolve("checkpoints")));
  }

  /** Counts the temporary files ({@code .name.uuid.tmp}) of atomic writes that a kill cut short. */
  private static long temporariesLeftIn(Path checkpoints) throws IOException {
    try (Stream<Path> files = Files.walk(checkpoints)) {
      return files.map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith(".") && name.endsWith(".tmp")).count();
    }
  }

  private static void assertHeld(RunResult crashed, RunResult crashFree, int kills, String context) {
    assertThat(crashed.kills()).as("kills within three quarters of the time bound (%s)", context)
        .isGreaterThanOrEqualTo(kills);
    assertThat(crashFree.figures()).as("the crash-free run's figures (%s)", context)
        .matches(SoakOutputCheck.Figures::held, "hold every guarantee");
    assertThat(crashed.figures()).as("the crashed run's figures (%s)", context)
        .matches(SoakOutputCheck.Figures::held, "hold every guarantee");
    assertThat(crashed.check().outputLinesSorted()).as("file records output by the crashed run (%s)", context)
        .isEqualTo(crashFree.check().outputLinesSorted());
    assertThat(crashed.figures().finalTotals()).as("final counts per key of the crashed run (%s)", context)
        .isEqualTo(crashFree.figures().finalTotals());
    assertThat(crashed.figures().windowTotal()).as("window total of the crashed run (%s)", context)
        .isEqualTo(crashFree.figures().windowTotal());
  }

  private static String describe(String run, RunResult result) {
    SoakOutputCheck.Figures f = result.figures();
    StringBuilder text = new StringBuilder(String.format(
        "  %s run: %d s, %d batches (%d batch times missing)%n"
            + "    file records in %d: lost %d, duplicated %d, unknown %d%n"
            + "    window: %d batches wrong, total %d (%d x records: %d)%n"
            + "    totals: %d batches wrong, last batch = fed: %s%n"
            + "    receiver records in %d: lost %d, duplicated %d, unknown %d (sent again by the source: %d)%n"
            + "    half-written output directories: %d; temporary files of cut checkpoint writes left: %d%n"
            + "    WARN/ERROR lines in the child logs:%s%n",
        run, result.seconds(), f.batches(), f.batchesMissing(), f.fileRecords(), f.linesLost(),
        f.linesDuplicated(), f.linesUnknown(), f.windowBatchesWrong(), f.windowTotal(),
        FaultInjectionSoakChild.WINDOW_BATCHES, FaultInjectionSoakChild.WINDOW_BATCHES * (long) f.fileRecords(),
        f.totalsBatchesWrong(), f.finalTotalsEqualFed(), f.receiverRecords(), f.receiverLost(),
        f.receiverDuplicated(), f.receiverUnknown(), f.resent(), f.hiddenLeftovers(),
        result.temporariesLeft(), result.warnings().isEmpty() ? " none" : ""));
    result.warnings().forEach((kind, count) -> text.append(String.format("      %5d x %s%n", count, kind)));
    return text.toString();
  }
}

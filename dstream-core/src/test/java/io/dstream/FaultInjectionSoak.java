package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
 * <p>The kill moments are counted in the child's events from its JVM's launch (so a kill may come while
 * {@code getOrCreate} recovers, or while recovery runs batches again) and drawn from the seed
 * {@code dstream.soak.seed} (a new one each time by default), which the soak prints first and every failure
 * message repeats. The whole soak stops by itself: it ends the kills at three quarters of
 * {@code dstream.soak.minutes} (30 by default) and fails at that bound. Its work directory (the children's
 * logs, inputs, checkpoints and outputs) stays under {@code target/} for inspection.
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
    assertTimeoutPreemptively(java.time.Duration.ofMinutes(minutes),
        () -> soak(work, new Random(seed), seed, kills, killsEnd),
        () -> "the soak did not end within " + minutes + " minutes (seed " + seed + "; see " + work + ")");
  }

  private static void soak(Path work, Random moments, long seed, int kills, long killsEnd) throws Exception {
    long crashedStart = System.nanoTime();
    SoakOutputCheck crashed;
    SoakOutputCheck.Figures crashedFigures;
    int units;
    int killsDone;
    int killsBeforeStart;
    try (ResendingRecordServer server = new ResendingRecordServer()) {
      SoakFeed feed = new SoakFeed(seed, server);
      try (CrashLoop loop = new CrashLoop(work.resolve("crashed"), FaultInjectionSoakChild.class, BATCH_MILLIS,
          feed, List.of(Integer.toString(server.port())))) {
        while (loop.kills() < kills && System.nanoTime() < killsEnd) {
          loop.runAndKill(moments, "run-" + loop.kills(), moments.nextInt(4) == 0 ? EARLY : LATER);
        }
        units = feed.units();
        loop.finish(moments);
        killsDone = loop.kills();
        killsBeforeStart = loop.killsBeforeStart();
        crashed = new SoakOutputCheck(loop, BATCH_MILLIS);
        crashedFigures = crashed.check(server.offered(), server.resent());
      }
    }
    long crashedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - crashedStart);

    long crashFreeStart = System.nanoTime();
    SoakOutputCheck crashFree;
    SoakOutputCheck.Figures crashFreeFigures;
    try (ResendingRecordServer server = new ResendingRecordServer()) {
      try (CrashLoop loop = new CrashLoop(work.resolve("crash-free"), FaultInjectionSoakChild.class,
          BATCH_MILLIS, new SoakFeed(seed, server), List.of(Integer.toString(server.port())))) {
        loop.runWithoutKills(moments, units);
        loop.finish(moments);
        crashFree = new SoakOutputCheck(loop, BATCH_MILLIS);
        crashFreeFigures = crashFree.check(server.offered(), server.resent());
      }
    }
    long crashFreeSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - crashFreeStart);

    System.out.printf("%nfault-injection soak, seed %d: %d kills (%d before the context had started), "
        + "%d input units%n%s%n%s%n", seed, killsDone, killsBeforeStart, units + 2,
        describe("crashed", crashedFigures, crashedSeconds), describe("crash-free", crashFreeFigures,
            crashFreeSeconds));

    String context = String.format("seed %d; reproduce with -Ddstream.soak.seed=%d -Ddstream.soak.kills=%d; "
        + "the runs are in %s", seed, seed, kills, work);
    assertThat(killsDone).as("kills within three quarters of the time bound (%s)", context)
        .isGreaterThanOrEqualTo(kills);
    assertThat(crashFreeFigures).as("the crash-free run's figures (%s)", context)
        .matches(SoakOutputCheck.Figures::held, "hold every guarantee");
    assertThat(crashedFigures).as("the crashed run's figures (%s)", context)
        .matches(SoakOutputCheck.Figures::held, "hold every guarantee");
    assertThat(crashed.outputLinesSorted()).as("file records output by the crashed run (%s)", context)
        .isEqualTo(crashFree.outputLinesSorted());
    assertThat(crashedFigures.finalTotals()).as("final counts per key of the crashed run (%s)", context)
        .isEqualTo(crashFreeFigures.finalTotals());
    assertThat(crashedFigures.windowTotal()).as("window total of the crashed run (%s)", context)
        .isEqualTo(crashFreeFigures.windowTotal());
  }

  private static String describe(String run, SoakOutputCheck.Figures f, long seconds) {
    return String.format("  %-10s %4d s, %4d batches (%d batch times missing); file records in %6d: lost %d, "
        + "duplicated %d, unknown %d; window: %d batches wrong, total %d (3 x records: %d); totals: %d batches "
        + "wrong, final = fed: %s; receiver records in %6d: lost %d, duplicated %d, unknown %d (resent by the "
        + "source: %d); half-written directories: %d", run, seconds, f.batches(), f.batchesMissing(),
        f.fileRecords(), f.linesLost(), f.linesDuplicated(), f.linesUnknown(), f.windowBatchesWrong(),
        f.windowTotal(), (long) FaultInjectionSoakChild.WINDOW_BATCHES * f.fileRecords(), f.totalsBatchesWrong(), f.finalTotalsEqualFed(),
        f.receiverRecords(), f.receiverLost(), f.receiverDuplicated(), f.receiverUnknown(), f.resent(),
        f.hiddenLeftovers());
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of the receiver write-ahead log: a child JVM runs {@link ReliableReceiverChild} (a reliable
 * receiver that acknowledges records to their source only after {@code store(List)} has logged them,
 * {@code saveAsTextFiles}, 200 ms batches on the real clock), and the {@link CrashLoop} kills it with SIGKILL at
 * random moments, several times, restarting it with {@code getOrCreate} each time, while it offers records to
 * the {@link ResendingRecordServer} (also while the child is down). The server sends again, to the next child,
 * whatever was not acknowledged. Finally the child runs until it has seen the last record, and every record
 * the server offered must appear in the output at least once: what was acknowledged came back from the log,
 * what was not came again from the source.
 *
 * <p>The random choices come from a fixed seed, which {@code -Ddstream.crashTest.seed=N} overrides.
 */
class ReceiverWriteAheadLogCrashIT {
  private static final int KILLS = 10;
  private static final long BATCH_MILLIS = 200;

  @TempDir
  Path work;

  private ResendingRecordServer server;
  private RecordOffers offers;
  private CrashLoop loop;

  @BeforeEach
  void startTheServerAndPrepareTheWorkDirectory() throws IOException {
    server = new ResendingRecordServer();
    offers = new RecordOffers(server);
    loop = new CrashLoop(work, ReliableReceiverChild.class, BATCH_MILLIS, offers,
        List.of(Integer.toString(server.port())));
  }

  @AfterEach
  void killTheChildIfItIsStillRunning() throws IOException {
    loop.close();
    server.close();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void killedAtRandomMomentsAndRecoveredTheRunOutputsEveryRecordTheServerSentAtLeastOnce() throws Exception {
    long seed = Long.getLong("dstream.crashTest.seed", 20_240_715L);
    Random random = new Random(seed);

    loop.killRepeatedly(random, KILLS);
    loop.finish(random);

    Set<String> output = outputRecords();
    List<String> missing = server.offered().stream().filter(record -> !output.contains(record)).toList();
    assertThat(missing).as("records the server sent that no output holds (seed %d, %d records, %d resent over "
        + "%d connections)", seed, offers.recordsOffered, server.resent(), server.connections()).isEmpty();
    assertThat(server.unacknowledged()).as("records the last run did not acknowledge").isEmpty();
    assertThat(output).as("records in the output that the server never sent")
        .isSubsetOf(new HashSet<>(server.offered()));
  }

  /** The records of every complete output directory (one with its success marker). */
  private Set<String> outputRecords() throws IOException {
    Set<String> records = new HashSet<>();
    try (Stream<Path> dirs = Files.list(work.resolve("out"))) {
      for (Path dir : dirs.filter(dir -> Files.exists(dir.resolve("_SUCCESS"))).toList()) {
        records.addAll(CrashLoop.linesIn(dir));
      }
    }
    return records;
  }

  /**
   * The loop's input: a unit is a few hundred numbered records offered at once, so that they span several
   * blocks; the end is the record {@value CrashLoopChild#END_WORD}.
   */
  private static final class RecordOffers implements CrashLoop.Feed {
    private final ResendingRecordServer server;
    private int recordsOffered;

    RecordOffers(ResendingRecordServer server) {
      this.server = server;
    }

    @Override
    public void feedOne(CrashLoop loop, Random random) {
      int count = 1 + random.nextInt(400);
      List<String> records = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        records.add("record-" + recordsOffered++);
      }
      server.offer(records);
    }

    @Override
    public void feedEnd(CrashLoop loop) {
      server.offer(List.of(CrashLoopChild.END_WORD));
    }
  }
}

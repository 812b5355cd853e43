package io.dstream.internal.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Time;
import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.internal.wal.FileWriteAheadLog;
import io.dstream.checkpoint.internal.wal.LogRecord;
import io.dstream.checkpoint.internal.wal.RecordHandle;
import io.dstream.checkpoint.internal.wal.WriteAheadLog;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.receiver.internal.ReceivedBlockInfo;
import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import io.dstream.storage.StorageLevel;
import io.dstream.storage.internal.BlockManager;
import io.dstream.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log of a receiver stream, below the context: blocks and allocations are logged, a "crash"
 * drops the tracker and the block store, and a new tracker rebuilt from the log hands out every block that
 * was not processed (at least once), reading its data from the log.
 */
class ReceivedBlockRecoveryTest {
  private static final int STREAM = 3;
  private static final long ROLLING_MS = 1000;

  @TempDir
  Path logDirectory;

  private final ManualClock clock = new ManualClock();
  private final Serializer serializer = new KryoSerializer();
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  private BlockManager newBlockManager() {
    BlockManager blocks = BlockManager.inTemporaryDirectory(1 << 20, serializer);
    opened.add(blocks);
    return blocks;
  }

  private ReceivedBlockTracker newTracker(BlockManager blocks) throws IOException {
    return newTracker(blocks, new FileWriteAheadLog(logLocation(), ROLLING_MS));
  }

  private ReceivedBlockTracker newTracker(BlockManager blocks, WriteAheadLog wal) {
    StreamLog log = new StreamLog(wal, serializer, clock);
    opened.add(log);
    return new ReceivedBlockTracker(STREAM, blocks, log);
  }

  private Location logLocation() {
    return FileSystems.resolve(logDirectory.toString());
  }

  /** What the job generator does when the batch completed and a checkpoint recording it is durable. */
  private static void finishAndForget(ReceivedBlockTracker tracker, Time batch) {
    tracker.forgetUpTo(batch, Set.of());
    tracker.logForgotten(batch);
  }

  /** What a supervisor does with a block: store it through the handler, then report it. */

  private static void receive(ReceivedBlockTracker tracker, BlockManager blocks, long number, List<String> records) {
    BlockId id = store(tracker, blocks, number, records);
    tracker.addBlock(new ReceivedBlockInfo(STREAM, id, records.size(), null));
  }

  private static BlockId store(ReceivedBlockTracker tracker, BlockManager blocks, long number,
      List<String> records) {
    BlockId id = BlockId.stream(STREAM, number);
    new LoggedBlockHandler(blocks, tracker).storeBlock(id, new ArrayList<>(records), StorageLevel.MEMORY_ONLY_SER);
    return id;
  }

  private static List<String> recordsOf(ReceivedBlockTracker tracker, long batchMs) {
    List<String> records = new ArrayList<>();
    for (ReceivedBlock block : tracker.blocksOf(new Time(batchMs)).orElseThrow()) {
      records.addAll(tracker.<String>read(block));
    }
    return records;
  }

  @Test
  void afterACrashTheBlocksNotProcessedComeBackAndAreReadFromTheLog() throws IOException {
    BlockManager before = newBlockManager();
    ReceivedBlockTracker tracker = newTracker(before);
    receive(tracker, before, 0, List.of("a", "b"));
    receive(tracker, before, 1, List.of("c"));
    clock.setTime(1000);
    tracker.allocateTo(new Time(1000));
    receive(tracker, before, 2, List.of("d"));
    clock.setTime(2000);
    tracker.allocateTo(new Time(2000));
    finishAndForget(tracker, new Time(1000));
    receive(tracker, before, 3, List.of("e"));
    before.close();

    BlockManager after = newBlockManager();
    ReceivedBlockTracker recovered = newTracker(after);
    long nextBlockNumber = recovered.recover();

    assertThat(nextBlockNumber).isEqualTo(4);
    assertThat(recovered.blocksOf(new Time(1000))).as("batch 1000 ms was processed and forgotten").isEmpty();
    assertThat(recordsOf(recovered, 2000)).containsExactly("d");
    assertThat(recovered.hasUnallocatedBlocks()).isTrue();
    recovered.allocateTo(new Time(2000));
    recovered.allocateTo(new Time(3000));
    assertThat(recordsOf(recovered, 2000)).as("a recovered batch keeps its blocks").containsExactly("d");
    assertThat(recordsOf(recovered, 3000)).containsExactly("e");
    assertThat(after.blockIds()).as("recovered data is read from the log, not copied").isEmpty();
  }

  @Test
  void aBlockLoggedButNotReportedBeforeTheCrashIsProcessedAfterIt() throws IOException {
    BlockManager before = newBlockManager();
    ReceivedBlockTracker tracker = newTracker(before);
    receive(tracker, before, 0, List.of("reported"));
    store(tracker, before, 1, List.of("logged only"));
    before.close();

    ReceivedBlockTracker recovered = newTracker(newBlockManager());
    recovered.recover();
    recovered.allocateTo(new Time(1000));

    assertThat(recordsOf(recovered, 1000)).containsExactly("reported", "logged only");
  }

  @Test
  void aBatchForgottenAfterADurableCheckpointRecordedItFinishedGetsNoBlocksWhenRunAgain() throws IOException {
    BlockManager before = newBlockManager();
    ReceivedBlockTracker tracker = newTracker(before);
    receive(tracker, before, 0, List.of("a"));
    tracker.allocateTo(new Time(1000));
    receive(tracker, before, 1, List.of("b"));
    tracker.allocateTo(new Time(2000));
    finishAndForget(tracker, new Time(1000));
    receive(tracker, before, 2, List.of("c"));

    ReceivedBlockTracker recovered = newTracker(newBlockManager());
    recovered.recover();
    recovered.allocateTo(new Time(1000));
    recovered.allocateTo(new Time(2000));
    recovered.allocateTo(new Time(3000));

    assertThat(recordsOf(recovered, 1000)).isEmpty();
    assertThat(recordsOf(recovered, 2000)).containsExactly("b");
    assertThat(recordsOf(recovered, 3000)).containsExactly("c");
  }

  @Test
  void aForgottenBatchKeepsItsLoggedBlocksUntilACheckpointRecordingItFinishedIsDurable() throws IOException {
    BlockManager before = newBlockManager();
    ReceivedBlockTracker tracker = newTracker(before);
    receive(tracker, before, 0, List.of("a"));
    tracker.allocateTo(new Time(1000));
    tracker.allocateTo(new Time(2000));
    tracker.forgetUpTo(new Time(1000), Set.of());
    tracker.logForgotten(new Time(0));

    assertThat(before.blockIds()).as("a finished batch's stored copy goes at once").isEmpty();
    ReceivedBlockTracker recovered = newTracker(newBlockManager());
    recovered.recover();
    recovered.allocateTo(new Time(1000));
    assertThat(recordsOf(recovered, 1000)).as("the restart runs batch 1000 again, with its data").containsExactly("a");
  }

  @Test
  void anUnfinishedBatchKeepsItsBlocksWhenForgottenSoARestartRunsItWithThem() throws IOException {
    BlockManager before = newBlockManager();
    ReceivedBlockTracker tracker = newTracker(before);
    receive(tracker, before, 0, List.of("failed"));
    tracker.allocateTo(new Time(1000));
    receive(tracker, before, 1, List.of("done"));
    tracker.allocateTo(new Time(2000));
    tracker.forgetUpTo(new Time(2000), Set.of(new Time(1000)));
    tracker.logForgotten(new Time(2000));

    assertThat(recordsOf(tracker, 1000)).containsExactly("failed");
    ReceivedBlockTracker recovered = newTracker(newBlockManager());
    recovered.recover();
    recovered.allocateTo(new Time(1000));
    assertThat(recordsOf(recovered, 1000)).containsExactly("failed");
  }

  @Test
  void forgottenBatchesLeaveTheLogSoItDoesNotGrowWithTheBatchesRun() throws IOException {
    BlockManager blocks = newBlockManager();
    ReceivedBlockTracker tracker = newTracker(blocks);
    for (int batch = 1; batch <= 20; batch++) {
      receive(tracker, blocks, batch, List.of("record " + batch));
      clock.setTime(batch * 1000L);
      tracker.allocateTo(new Time(batch * 1000L));
      if (batch > 1) {
        finishAndForget(tracker, new Time((batch - 1) * 1000L));
      }
    }

    assertThat(segmentCount()).as("segments left after 20 batches of one segment each").isLessThanOrEqualTo(3);
    ReceivedBlockTracker recovered = newTracker(newBlockManager());
    recovered.recover();
    assertThat(recordsOf(recovered, 20_000)).containsExactly("record 20");
    assertThat(recovered.hasUnallocatedBlocks()).isFalse();
  }

  @Test
  void aBlockTheStoreLostIsReadFromTheLog() throws IOException {
    BlockManager blocks = newBlockManager();
    ReceivedBlockTracker tracker = newTracker(blocks);
    receive(tracker, blocks, 0, List.of("kept twice"));
    tracker.allocateTo(new Time(1000));

    blocks.remove(BlockId.stream(STREAM, 0));

    assertThat(recordsOf(tracker, 1000)).containsExactly("kept twice");
  }

  @Test
  void withoutALogABlockTheStoreLostFailsToReadSayingWhy() {
    BlockManager blocks = newBlockManager();
    ReceivedBlockTracker tracker = new ReceivedBlockTracker(STREAM, blocks, null);
    BlockId id = BlockId.stream(STREAM, 0);
    blocks.put(id, List.of("x"), StorageLevel.MEMORY_ONLY);
    tracker.addBlock(new ReceivedBlockInfo(STREAM, id, 1, null));
    tracker.allocateTo(new Time(1000));

    blocks.remove(id);

    assertThatThrownBy(() -> recordsOf(tracker, 1000))
        .isInstanceOf(BlockStoreException.class)
        .hasMessage("block input-3-0 of stream 3 is lost: no replica holds it any more, and no write-ahead log "
            + "keeps a copy (set dstream.receiver.writeAheadLog.enable to keep one)");
  }

  @Test
  void anAllocationThatCannotBeLoggedGivesTheBatchNoBlocksAndLeavesThemForTheNextBatch() throws IOException {
    BlockManager blocks = newBlockManager();
    FailingLog wal = new FailingLog(new FileWriteAheadLog(logLocation(), ROLLING_MS));
    ReceivedBlockTracker tracker = newTracker(blocks, wal);
    receive(tracker, blocks, 0, List.of("waits"));

    wal.failing = true;
    tracker.allocateTo(new Time(1000));
    wal.failing = false;
    tracker.allocateTo(new Time(2000));

    assertThat(tracker.blocksOf(new Time(1000))).as("the batch runs, without this stream's blocks")
        .contains(List.of());
    assertThat(recordsOf(tracker, 2000)).containsExactly("waits");
  }

  @Test
  void aBlockThatCannotBeLoggedIsNotStoredEither() throws IOException {
    BlockManager blocks = newBlockManager();
    FailingLog wal = new FailingLog(new FileWriteAheadLog(logLocation(), ROLLING_MS));
    ReceivedBlockTracker tracker = newTracker(blocks, wal);
    wal.failing = true;

    assertThatThrownBy(() -> store(tracker, blocks, 0, List.of("x")))
        .isInstanceOf(BlockStoreException.class)
        .hasMessageStartingWith("cannot write block input-3-0 of stream 3 to its write-ahead log: disk full");
    assertThat(blocks.blockIds()).isEmpty();
  }

  private long segmentCount() throws IOException {
    try (Stream<Path> files = Files.list(logDirectory)) {
      return files.filter(file -> file.getFileName().toString().startsWith("log-")).count();
    }
  }

  /** A log whose writes fail while a test says so. */
  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void aReceiverReportsItsBlockWhileAnAllocationIsBeingLogged() throws Exception {
    BlockManager blocks = newBlockManager();
    FailingLog wal = new FailingLog(new FileWriteAheadLog(logLocation(), ROLLING_MS));
    ReceivedBlockTracker tracker = newTracker(blocks, wal);
    receive(tracker, blocks, 0, List.of("allocated"));
    wal.writing = new CountDownLatch(1);
    wal.release = new CountDownLatch(1);
    Thread generator = new Thread(() -> tracker.allocateTo(new Time(1000)));
    generator.start();
    wal.writing.await();

    // Before the fix the report waited for the tracker's lock, held through the (here endless) log write.
    tracker.addBlock(new ReceivedBlockInfo(STREAM, BlockId.stream(STREAM, 1), 0, null));
    wal.writing = null;
    wal.release.countDown();
    generator.join();

    assertThat(recordsOf(tracker, 1000)).containsExactly("allocated");
    assertThat(tracker.hasUnallocatedBlocks()).as("the block reported meanwhile waits for the next batch").isTrue();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class FailingLog implements WriteAheadLog {
    private final WriteAheadLog delegate;
    volatile boolean failing;
    volatile CountDownLatch writing;
    volatile CountDownLatch release;

    FailingLog(WriteAheadLog delegate) {
      this.delegate = delegate;
    }

    @Override
    public RecordHandle write(byte[] data, long timeMs) throws IOException {
      if (failing) {
        throw new IOException("disk full");
      }
      if (writing != null) {
        writing.countDown();
        awaitQuietly(release);
      }
      return delegate.write(data, timeMs);
    }

    @Override
    public byte[] read(RecordHandle handle) throws IOException {
      return delegate.read(handle);
    }

    @Override
    public List<LogRecord> readAfter(long timeMs) throws IOException {
      return delegate.readAfter(timeMs);
    }

    @Override
    public int clean(long thresholdMs) throws IOException {
      return delegate.clean(thresholdMs);
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}

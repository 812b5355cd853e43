package io.dstream.checkpoint.internal.wal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.FileDamage;
import io.dstream.checkpoint.internal.FileFormat;
import io.dstream.checkpoint.serializer.CorruptDataException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a {@link FileWriteAheadLog} does on any file system; subclasses supply a directory. What it does with
 * torn and damaged segments is in {@link SegmentDamageContract}.
 */
abstract class FileWriteAheadLogContract extends WriteAheadLogFixture {
  @Test
  void recordsReadBackByHandleAndInWriteOrder() throws IOException {
    List<RecordHandle> handles = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      handles.add(log.write(bytes("record " + i), 100 + i));
    }
    for (int i = 0; i < 20; i++) {
      assertThat(new String(log.read(handles.get(i)), UTF_8)).isEqualTo("record " + i);
    }
    List<LogRecord> all = log.readAll();
    assertThat(texts(all)).containsExactlyElementsOf(
        IntStream.range(0, 20).mapToObj(i -> "record " + i).toList());
    assertThat(all.stream().map(LogRecord::handle).toList()).isEqualTo(handles);
    assertThat(times(all)).startsWith(100L, 101L).endsWith(119L);
  }

  @Test
  void anEmptyRecordIsARecord() throws IOException {
    RecordHandle handle = log.write(new byte[0], 0);
    assertThat(log.read(handle)).isEmpty();
    assertThat(log.readAll()).singleElement().satisfies(record -> assertThat(record.data()).isEmpty());
  }

  @Test
  void readAfterReturnsOnlyRecordsStrictlyAfterTheTime() throws IOException {
    writeAll(1_000, 2_000, 2_000, 3_000);
    assertThat(times(log.readAfter(2_000))).containsExactly(3_000L);
    assertThat(times(log.readAfter(1_999))).containsExactly(2_000L, 2_000L, 3_000L);
    assertThat(log.readAfter(3_000)).isEmpty();
  }

  @Test
  void aNewSegmentStartsWhenARecordReachesTheEndOfTheCurrentOne() throws IOException {
    RecordHandle first = log.write(bytes("a"), 0);
    log.write(bytes("b"), 500);
    RecordHandle lastOfFirst = log.write(bytes("c"), 999);
    RecordHandle second = log.write(bytes("d"), 1_000);
    RecordHandle third = log.write(bytes("e"), 2_500);
    log.write(bytes("f"), 3_499);
    assertThat(segments()).containsExactly("log-0000000000-0-1000", "log-0000000001-1000-2000",
        "log-0000000002-2500-3500");
    assertThat(lastOfFirst.segment()).isEqualTo(first.segment()).isEqualTo("log-0000000000-0-1000");
    assertThat(second.segment()).isEqualTo("log-0000000001-1000-2000");
    assertThat(third.segment()).isEqualTo("log-0000000002-2500-3500");
    assertThat(first.offset()).isEqualTo(FileFormat.HEADER_BYTES);
    assertThat(first.length()).isEqualTo(RecordFrames.HEADER_BYTES + Long.BYTES + 1);
  }

  @Test
  void aRecordOlderThanTheCurrentSegmentStaysInIt() throws IOException {
    log.write(bytes("late"), 5_000);
    RecordHandle older = log.write(bytes("early"), 1_000);
    assertThat(segments()).hasSize(1);
    assertThat(older.segment()).startsWith("log-0000000000-5000-");
    assertThat(times(log.readAfter(999))).containsExactly(5_000L, 1_000L);
  }

  @Test
  void readAfterDoesNotReadSegmentsThatEndBeforeTheTime() throws IOException {
    writeAll(0, 100, 1_000, 2_000);
    // Corrupt the first segment in its middle: reading it would fail.
    FileDamage.flipByte(dir.child("log-0000000000-0-1000"), FileFormat.HEADER_BYTES + RecordFrames.HEADER_BYTES);
    assertThat(times(log.readAfter(999))).containsExactly(1_000L, 2_000L);
    assertThatThrownBy(() -> log.readAfter(0)).isInstanceOf(CorruptDataException.class);
  }

  @Test
  void cleanDeletesTheSegmentsWhoseRecordsAreAllOlderThanTheThreshold() throws IOException {
    writeAll(0, 500, 1_000, 1_500, 2_500, 2_600);
    assertThat(log.clean(2_000)).isEqualTo(2);
    assertThat(segments()).containsExactly("log-0000000002-2500-3500");
    assertThat(times(log.readAll())).containsExactly(2_500L, 2_600L);
    assertThat(log.clean(2_000)).isZero();
  }

  @Test
  void cleanKeepsEveryRecordOfTheThresholdOrLater() throws IOException {
    writeAll(0, 999, 1_000);
    assertThat(log.clean(999)).isZero();
    assertThat(times(log.readAll())).containsExactly(0L, 999L, 1_000L);
  }

  @Test
  void cleaningTheSegmentBeingWrittenClosesItAndTheNextWriteStartsAnother() throws IOException {
    writeAll(0, 10);
    assertThat(log.clean(5_000)).isEqualTo(1);
    assertThat(segments()).isEmpty();
    writeAll(20);
    assertThat(times(log.readAll())).containsExactly(20L);
    assertThat(segments()).containsExactly("log-0000000001-20-1020");
  }

  @Test
  void aRecordOfACleanedSegmentCannotBeReadAndTheErrorSaysWhy() throws IOException {
    RecordHandle handle = log.write(bytes("gone"), 0);
    log.clean(10_000);
    assertThatThrownBy(() -> log.read(handle))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(handle.segment())
        .hasMessageContaining("was it cleaned");
  }

  @Test
  void aReopenedLogReadsTheOldRecordsAndWritesToANewSegment() throws IOException {
    RecordHandle before = log.write(bytes("before"), 100);
    reopen();
    RecordHandle after = log.write(bytes("after"), 200);
    assertThat(after.segment()).isNotEqualTo(before.segment()).startsWith("log-0000000001-200-");
    assertThat(texts(log.readAll())).containsExactly("before", "after");
    assertThat(new String(log.read(before), UTF_8)).isEqualTo("before");
  }

  @Test
  void aLogWithoutSyncPerWriteReadsBackTheSame() throws IOException {
    log.close();
    log = new FileWriteAheadLog(dir, ROTATION_MS, false);
    RecordHandle handle = log.write(bytes("unsynced"), 0);
    assertThat(log.read(handle)).isEqualTo(bytes("unsynced"));
    writeAll(1_500);
    reopen();
    assertThat(texts(log.readAll())).containsExactly("unsynced", "at 1500");
  }

  @Test
  void aSegmentDeletedBetweenTwoOthersIsReportedAsMissingButCleaningLeavesNoGap() throws IOException {
    writeAll(0, 1_000, 2_000, 3_000, 4_000);
    log.clean(2_000);
    assertThat(log.missingParts()).isEmpty();
    dir.fileSystem().delete(dir.child("log-0000000003-3000-4000").path());
    assertThat(log.missingParts()).containsExactly("segment number 3, between log-0000000002-2000-3000 and "
        + "log-0000000004-4000-5000, in " + dir);
  }

  @Test
  void cleanDeletesOnlyTheOldestSegmentsSoAChangedRotationIntervalLeavesNoGap() throws IOException {
    log.close();
    log = new FileWriteAheadLog(dir, 10_000);
    writeAll(0);
    // A shorter interval in the next run: its segments end before the first run's segment does.
    log.close();
    log = new FileWriteAheadLog(dir, 1_000);
    writeAll(1_000, 2_000);
    assertThat(log.clean(3_000)).as("the first segment holds records up to 10000 ms").isZero();
    writeAll(3_000);
    assertThat(log.missingParts()).isEmpty();
    assertThat(times(log.readAll())).containsExactly(0L, 1_000L, 2_000L, 3_000L);
    assertThat(log.clean(10_000)).isEqualTo(4);
    assertThat(segments()).isEmpty();
  }

  // ---- concurrency and misuse -------------------------------------------------------------------------

  @Test
  void concurrentWritersLoseNothingAndKeepEachWritersOrder() throws Exception {
    int writers = 4;
    int perWriter = 150;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    Map<String, RecordHandle> handles = new ConcurrentHashMap<>();
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        tasks.add(() -> {
          start.await();
          for (int i = 0; i < perWriter; i++) {
            String text = writer + ":" + i;
            handles.put(text, log.write(bytes(text), i * 10L));
          }
          return null;
        });
      }
      List<Future<Void>> done = new ArrayList<>();
      for (Callable<Void> task : tasks) {
        done.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Void> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> read = texts(log.readAll());
    assertThat(read).hasSize(writers * perWriter).doesNotHaveDuplicates();
    for (int w = 0; w < writers; w++) {
      String prefix = w + ":";
      List<String> own = read.stream().filter(text -> text.startsWith(prefix)).toList();
      assertThat(own).containsExactlyElementsOf(
          IntStream.range(0, perWriter).mapToObj(i -> prefix + i).toList());
    }
    for (Map.Entry<String, RecordHandle> entry : handles.entrySet()) {
      assertThat(new String(log.read(entry.getValue()), UTF_8)).isEqualTo(entry.getKey());
    }
  }

  @Test
  void aClosedLogRefusesEverythingButClose() throws IOException {
    RecordHandle handle = log.write(bytes("x"), 0);
    log.close();
    log.close();
    for (ThrowingCall call : List.<ThrowingCall>of(() -> log.write(bytes("y"), 1), () -> log.read(handle),
        () -> log.readAll(), () -> log.clean(0))) {
      assertThatThrownBy(call::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the write-ahead log at " + dir + " is closed");
    }
  }

  @Test
  void misuseIsRefusedWithWhatWasWrong() {
    assertThatThrownBy(() -> new FileWriteAheadLog(dir, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rotation interval of a write-ahead log must be positive, got 0 ms");
    assertThatThrownBy(() -> log.write(new byte[1], -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time must be at least 0 ms, got -5");
    assertThatThrownBy(() -> log.read(new RecordHandle("../escape", 0, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'../escape' is not the name of a write-ahead log segment");
    assertThatThrownBy(() -> new RecordHandle("log-0000000000-0-1", -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHandlePastTheEndOfItsSegmentIsReported() throws IOException {
    RecordHandle real = log.write(bytes("x"), 0);
    RecordHandle beyond = new RecordHandle(real.segment(), 10_000, real.length());
    assertThatThrownBy(() -> log.read(beyond))
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("no record at offset 10000");
    RecordHandle atEnd = new RecordHandle(real.segment(), real.offset() + real.length(), real.length());
    assertThatThrownBy(() -> log.read(atEnd))
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("missing: the segment ends there");
    RecordHandle wrongLength = new RecordHandle(real.segment(), real.offset(), real.length() + 1);
    assertThatThrownBy(() -> log.read(wrongLength))
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("is " + real.length() + " bytes long, where the handle says " + (real.length() + 1));
  }

  /** A call that may throw anything. */
  interface ThrowingCall {
    void run() throws Exception;
  }
}

package io.dstream.checkpoint.wal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.FileDamage;
import io.dstream.checkpoint.LogCapture;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.FileFormat;
import io.dstream.checkpoint.serializer.CorruptDataException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a {@link FileWriteAheadLog} does on any file system; subclasses supply a directory. */
abstract class FileWriteAheadLogContract {
  private static final long ROTATION_MS = 1_000;

  private Location dir;
  private FileWriteAheadLog log;
  private LogCapture captured;

  /** Returns a location for a log directory, which need not exist yet. */
  abstract Location newDirectory() throws IOException;

  @BeforeEach
  void openLog() throws IOException {
    dir = newDirectory();
    log = new FileWriteAheadLog(dir, ROTATION_MS);
    captured = LogCapture.of(FileWriteAheadLog.class);
  }

  @AfterEach
  void closeLog() throws IOException {
    captured.close();
    log.close();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static List<String> texts(List<LogRecord> records) {
    return records.stream().map(record -> new String(record.data(), UTF_8)).toList();
  }

  private static List<Long> times(List<LogRecord> records) {
    return records.stream().map(LogRecord::timeMs).toList();
  }

  private List<String> segments() throws IOException {
    return dir.fileSystem().list(dir.path()).stream().filter(name -> name.startsWith("log-")).toList();
  }

  private Location lastSegment() throws IOException {
    List<String> segments = segments();
    return dir.child(segments.get(segments.size() - 1));
  }

  private FileWriteAheadLog reopen() throws IOException {
    log.close();
    log = new FileWriteAheadLog(dir, ROTATION_MS);
    return log;
  }

  /** The offset of a record in its segment, when every record's bytes are "at N" with a one-digit N. */
  private static long recordOffset(int index) {
    return FileFormat.HEADER_BYTES + (long) index * (RecordFrames.HEADER_BYTES + Long.BYTES + "at 1".length());
  }

  /** Bytes that are not zero, so that zeroing any of them damages a record. */
  private static byte[] filled(int length) {
    byte[] data = new byte[length];
    Arrays.fill(data, (byte) 'x');
    return data;
  }

  private void writeAll(long... times) throws IOException {
    for (long time : times) {
      log.write(bytes("at " + time), time);
    }
  }

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

  // ---- torn and corrupt segments ----------------------------------------------------------------------

  @Test
  void aTruncatedLastRecordIsIgnoredAndReportedOnce() throws IOException {
    writeAll(1, 2, 3);
    reopen();
    Location segment = lastSegment();
    FileDamage.truncateBy(segment, 3);
    assertThat(texts(log.readAll())).containsExactly("at 1", "at 2");
    assertThat(texts(log.readAfter(0))).containsExactly("at 1", "at 2");
    assertThat(captured.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("Ignoring the torn end of the write-ahead log segment " + segment)
        .contains("the record there is truncated: the segment ends after")
        .contains("the records before it are intact"));
  }

  @Test
  void aLastRecordCutInsideItsHeaderIsIgnored() throws IOException {
    writeAll(1, 2);
    reopen();
    FileDamage.truncateBy(lastSegment(), Long.BYTES + "at 2".length() + 5);
    assertThat(texts(log.readAll())).containsExactly("at 1");
    assertThat(captured.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("the segment ends inside its header"));
  }

  @Test
  void aFlippedByteInTheLastRecordIsDamageForACrashCannotLeaveIt() throws IOException {
    writeAll(1, 2, 3);
    reopen();
    Location segment = lastSegment();
    FileDamage.flipByte(segment, FileDamage.length(segment) - 1);
    assertThatThrownBy(() -> log.readAll())
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("the write-ahead log segment " + segment + " is corrupt at offset " + recordOffset(2))
        .hasMessageContaining("its checksum does not match its 12 bytes, and they do not end in zero sectors")
        .hasMessageContaining("cut the segment to its first " + recordOffset(2) + " bytes to give up the records");
    assertThat(captured.warnings()).isEmpty();
  }

  @Test
  void aLastRecordZeroedFromASectorBoundaryOnIsATornWrite() throws IOException {
    writeAll(1);
    RecordHandle last = log.write(filled(1_000), 2);
    reopen();
    Location segment = lastSegment();
    FileDamage.zeroFrom(segment, RecordFrames.SECTOR_BYTES);
    assertThat(texts(log.readAll())).containsExactly("at 1");
    assertThat(captured.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("Ignoring the torn end of the write-ahead log segment " + segment + " at offset "
            + last.offset())
        .contains("its checksum does not match its 1008 bytes, which are zero from offset 512 on"));
  }

  @Test
  void aLastRecordZeroedWithinASectorIsDamageForADiskWritesWholeSectors() throws IOException {
    writeAll(1);
    RecordHandle last = log.write(filled(1_000), 2);
    reopen();
    Location segment = lastSegment();
    FileDamage.zeroFrom(segment, FileDamage.length(segment) - 3);
    assertThatThrownBy(() -> log.readAll())
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("is corrupt at offset " + last.offset())
        .hasMessageContaining("they do not end in zero sectors");
  }

  @Test
  void aTornRecordIsNeverReturnedByItsHandle() throws IOException {
    writeAll(1);
    RecordHandle torn = log.write(bytes("torn"), 2);
    reopen();
    FileDamage.truncateBy(lastSegment(), 2);
    assertThatThrownBy(() -> log.read(torn))
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("the record at offset " + torn.offset())
        .hasMessageContaining("is truncated");
  }

  @Test
  void aTornTailBeforeARestartDoesNotHideTheRecordsWrittenAfterIt() throws IOException {
    writeAll(1, 2);
    reopen();
    FileDamage.truncateBy(lastSegment(), 1);
    writeAll(3, 4);
    assertThat(texts(log.readAll())).containsExactly("at 1", "at 3", "at 4");
  }

  @Test
  void aSegmentCutInsideItsFileHeaderIsEmpty() throws IOException {
    writeAll(1);
    reopen();
    FileDamage.truncateBy(lastSegment(), FileDamage.length(lastSegment()) - 3);
    assertThat(log.readAll()).isEmpty();
    assertThat(captured.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("ends inside its 8-byte file header"));
  }

  @Test
  void corruptionInTheMiddleOfASegmentIsAnErrorThatSaysWhere() throws IOException {
    writeAll(1, 2, 3);
    reopen();
    Location segment = lastSegment();
    long secondRecord = recordOffset(1);
    FileDamage.flipByte(segment, (int) secondRecord + RecordFrames.HEADER_BYTES + 2);
    assertThatThrownBy(() -> log.readAll())
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("the write-ahead log segment " + segment + " is corrupt at offset " + secondRecord)
        .hasMessageContaining("its checksum does not match")
        .hasMessageContaining("its checksum does not match its 12 bytes, and more data follows")
        .hasMessageContaining("a crash tears only the end of the last write, so this is damage")
        .hasMessageContaining("delete this segment");
    assertThat(captured.warnings()).isEmpty();
  }

  @ParameterizedTest(name = "byte {0} of the length")
  @ValueSource(ints = {1, 2, 3})
  void aDamagedLengthInTheMiddleOfASegmentIsAnErrorNotATornTail(int lengthByte) throws IOException {
    // A longer length used to make the record seem to run past the end: taken for a torn tail, it hid the rest.
    for (int i = 0; i < 100; i++) {
      log.write(bytes("at " + i % 10), 1);
    }
    reopen();
    Location segment = lastSegment();
    long damaged = recordOffset(10);
    FileDamage.flipByte(segment, (int) damaged + lengthByte);
    assertThatThrownBy(() -> log.readAll())
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("the write-ahead log segment " + segment + " is corrupt at offset " + damaged)
        .hasMessageContaining("its header does not match its checksum (its length or checksum is damaged)")
        .hasMessageContaining("Restore the log directory from a backup; or cut the segment to its first "
            + damaged + " bytes");
    assertThat(captured.warnings()).isEmpty();
  }

  @Test
  void aDamagedHeaderOfTheLastRecordIsAnErrorTooForACrashLeavesOnlyAPrefix() throws IOException {
    writeAll(1, 2);
    reopen();
    Location segment = lastSegment();
    FileDamage.flipByte(segment, (int) recordOffset(1) + 2);
    assertThatThrownBy(() -> log.readAll())
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("is corrupt at offset " + recordOffset(1));
  }

  @Test
  void aWriteCutShortAtAnyByteIsATornTailReportedOnceWithTheRecordsBeforeItIntact() throws IOException {
    writeAll(1, 2);
    reopen();
    Location segment = lastSegment();
    byte[] whole = segment.fileSystem().readAllBytes(segment.path());
    int lastFrameLength = RecordFrames.HEADER_BYTES + Long.BYTES + "at 2".length();
    for (int cut = 1; cut < lastFrameLength; cut++) {
      segment.fileSystem().writeAtomically(segment.path(), Arrays.copyOf(whole, whole.length - cut));
      FileWriteAheadLog reopened = reopen();
      assertThat(texts(reopened.readAll())).as("cut %d bytes short", cut).containsExactly("at 1");
      assertThat(texts(reopened.readAll())).containsExactly("at 1");
    }
    assertThat(captured.warnings()).as("one per opened log").hasSize(lastFrameLength - 1)
        .allSatisfy(warning -> assertThat(warning).contains("a write was cut short by a crash"));
  }

  @Test
  void aTailOfZeroBytesIsATornWrite() throws IOException {
    writeAll(1, 2);
    reopen();
    FileDamage.append(lastSegment(), new byte[40]);
    assertThat(texts(log.readAll())).containsExactly("at 1", "at 2");
    assertThat(captured.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("its header does not match its checksum, and everything from its byte 0 to the end of the "
            + "segment is zero"));
  }

  @Test
  void aLastHeaderKeptInPartAndZeroedToTheEndIsATornWrite() throws IOException {
    writeAll(1, 2, 3);
    reopen();
    Location segment = lastSegment();
    FileDamage.zeroFrom(segment, recordOffset(2) + 5);
    assertThat(texts(log.readAll())).containsExactly("at 1", "at 2");
    assertThat(captured.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("at offset " + recordOffset(2))
        .contains("everything from its byte 5 to the end of the segment is zero"));
  }

  @Test
  void aLargeLastRecordZeroedFromAfterItsLengthIsATornWriteOfThatOneRecord() throws IOException {
    writeAll(1);
    RecordHandle last = log.write(filled(3 * RecordFrames.ZERO_TAIL_BYTES), 2);
    reopen();
    FileDamage.zeroFrom(lastSegment(), last.offset() + Integer.BYTES + 2);
    assertThat(texts(log.readAll())).containsExactly("at 1");
    assertThat(captured.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("everything from its byte 6 to the end of the segment is zero"));
  }

  @Test
  void zerosOverSeveralWrittenRecordsAreDamageNotATornWrite() throws IOException {
    List<RecordHandle> handles = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      handles.add(log.write(filled(2_000), i));
    }
    reopen();
    Location segment = lastSegment();
    long thirdRecord = handles.get(2).offset();
    FileDamage.zeroFrom(segment, thirdRecord);
    assertThatThrownBy(() -> log.readAll())
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("the write-ahead log segment " + segment + " is corrupt at offset " + thirdRecord)
        .hasMessageContaining("what follows is not only the zero bytes, " + RecordFrames.ZERO_TAIL_BYTES
            + " at most from the record's start, that a crash in the last write can leave");
    assertThat(captured.warnings()).isEmpty();
  }

  @ParameterizedTest(name = "{0} zero bytes")
  @ValueSource(ints = {FileFormat.HEADER_BYTES, FileFormat.HEADER_BYTES + 30})
  void aSegmentOfZeroBytesWasCreatedButNotWrittenAndIsEmpty(int zeros) throws IOException {
    writeAll(1);
    log.write(bytes("lost"), 2_000);
    reopen();
    Location segment = lastSegment();
    segment.fileSystem().writeAtomically(segment.path(), new byte[zeros]);
    assertThat(texts(log.readAll())).containsExactly("at 1");
    assertThat(captured.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("Ignoring the torn end of the write-ahead log segment " + segment + " at offset 0")
        .contains("the segment holds only " + zeros + " zero bytes: it was created, but its file header had "
            + "not reached the disk"));
  }

  @Test
  void aSegmentOfTheFirstFormatIsRefusedWithWhatToDo() throws IOException {
    writeAll(1);
    reopen();
    FileDamage.overwriteInt(lastSegment(), 4, 1);
    assertThatThrownBy(() -> log.readAll())
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("cannot read " + lastSegment())
        .hasMessageContaining("unsupported write-ahead log segment format version 1")
        .hasMessageContaining("recover with the version of dstream that wrote it; or delete the segment");
  }

  @Test
  void aSegmentOfAnotherKindIsAnError() throws IOException {
    writeAll(1);
    reopen();
    FileDamage.overwriteInt(lastSegment(), 0, 0x01020304);
    assertThatThrownBy(() -> log.readAll())
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("cannot read " + lastSegment())
        .hasMessageContaining("not a write-ahead log segment")
        .hasMessageContaining("It is damaged, or another file was put in the log's directory")
        .hasMessageNotContaining("version");
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

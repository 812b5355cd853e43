package io.dstream.checkpoint.internal.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.FileDamage;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.FileFormat;
import io.dstream.checkpoint.serializer.CorruptDataException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a {@link FileWriteAheadLog} tells the torn end that a crash leaves in the last write from damage, on any
 * file system; subclasses supply a directory.
 */
abstract class SegmentDamageContract extends WriteAheadLogFixture {
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
}

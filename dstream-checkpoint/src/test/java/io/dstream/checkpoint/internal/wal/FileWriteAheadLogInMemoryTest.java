package io.dstream.checkpoint.internal.wal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.LogCapture;
import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.FileFormat;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem.Operation;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.internal.fs.InjectedFaults;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FileWriteAheadLogInMemoryTest extends FileWriteAheadLogContract {
  private final InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();

  @Override
  Location newDirectory() {
    return FileSystems.resolve("memory://" + fs.namespace() + "/receiver/wal");
  }

  @AfterEach
  void discard() {
    fs.discard();
  }

  private static List<String> texts(WriteAheadLog log) throws IOException {
    return log.readAll().stream().map(record -> new String(record.data(), UTF_8)).toList();
  }

  @Test
  void aWriteThatFailsMidwayIsNotReadBackAndTheNextWriteStartsANewSegment() throws IOException {
    byte[] kept = "kept".getBytes(UTF_8);
    try (FileWriteAheadLog log = new FileWriteAheadLog(newDirectory(), 1_000);
        LogCapture captured = LogCapture.of(FileWriteAheadLog.class)) {
      // The segment takes its header and the first record whole, then breaks 5 bytes into the second.
      InjectedFaults.into(fs).failWritesAfter(FileFormat.HEADER_BYTES + RecordFrames.HEADER_BYTES + Long.BYTES + kept.length + 5);
      log.write(kept, 0);
      assertThatThrownBy(() -> log.write("broken record".getBytes(UTF_8), 10))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot append a record to the write-ahead log segment")
          .hasMessageContaining("the next write starts a new one");
      InjectedFaults.into(fs).clear();
      RecordHandle next = log.write("next".getBytes(UTF_8), 20);
      assertThat(next.segment()).isEqualTo("log-0000000001-20-1020");
      assertThat(texts(log)).containsExactly("kept", "next");
      assertThat(captured.warnings()).singleElement().satisfies(warning -> assertThat(warning)
          .contains("log-0000000000-0-1000").contains("truncated"));
    }
  }

  @Test
  void aSegmentThatCannotBeCreatedFailsTheWriteOnly() throws IOException {
    try (FileWriteAheadLog log = new FileWriteAheadLog(newDirectory(), 1_000)) {
      InjectedFaults.into(fs).fail(Operation.CREATE);
      assertThatThrownBy(() -> log.write(new byte[1], 0)).hasMessageContaining("injected fault: CREATE");
      InjectedFaults.into(fs).clear();
      log.write("works".getBytes(UTF_8), 0);
      assertThat(texts(log)).containsExactly("works");
    }
  }

  @Test
  void aSegmentThatCannotBeCreatedTakesNoNumberSoRecoveryFindsNoGap() throws IOException {
    try (FileWriteAheadLog log = new FileWriteAheadLog(newDirectory(), 1_000)) {
      log.write("first".getBytes(UTF_8), 0);
      InjectedFaults.into(fs).fail(Operation.CREATE);
      assertThatThrownBy(() -> log.write(new byte[1], 1_000)).hasMessageContaining("injected fault: CREATE");
      InjectedFaults.into(fs).clear();
      RecordHandle next = log.write("next".getBytes(UTF_8), 1_000);
      assertThat(next.segment()).isEqualTo("log-0000000001-1000-2000");
    }
    try (FileWriteAheadLog reopened = new FileWriteAheadLog(newDirectory(), 1_000)) {
      assertThat(reopened.missingParts()).isEmpty();
      assertThat(texts(reopened)).containsExactly("first", "next");
    }
  }

  @Test
  void aSegmentWhoseHeaderCannotBeWrittenFailsTheWriteAndIsReadAsEmpty() throws IOException {
    try (FileWriteAheadLog log = new FileWriteAheadLog(newDirectory(), 1_000)) {
      InjectedFaults.into(fs).failWritesAfter(3);
      assertThatThrownBy(() -> log.write(new byte[1], 0))
          .hasMessageContaining("cannot start the write-ahead log segment");
      InjectedFaults.into(fs).clear();
      log.write("after".getBytes(UTF_8), 0);
      assertThat(texts(log)).containsExactly("after");
    }
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsNamed() {
    InjectedFaults.into(fs).fail(Operation.MKDIRS);
    assertThatThrownBy(() -> new FileWriteAheadLog(newDirectory(), 1_000))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot use " + newDirectory() + " as a write-ahead log directory");
  }
}

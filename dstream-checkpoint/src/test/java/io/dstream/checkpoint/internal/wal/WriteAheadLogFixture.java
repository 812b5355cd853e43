package io.dstream.checkpoint.internal.wal;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.dstream.checkpoint.LogCapture;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.FileFormat;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@link FileWriteAheadLog} opened in a new directory for each test, with its log lines captured, and the
 * helpers its tests share; subclasses supply the directory.
 */
abstract class WriteAheadLogFixture {
  static final long ROTATION_MS = 1_000;

  Location dir;
  FileWriteAheadLog log;
  LogCapture captured;

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

  static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  static List<String> texts(List<LogRecord> records) {
    return records.stream().map(record -> new String(record.data(), UTF_8)).toList();
  }

  static List<Long> times(List<LogRecord> records) {
    return records.stream().map(LogRecord::timeMs).toList();
  }

  List<String> segments() throws IOException {
    return dir.fileSystem().list(dir.path()).stream().filter(name -> name.startsWith("log-")).toList();
  }

  Location lastSegment() throws IOException {
    List<String> segments = segments();
    return dir.child(segments.get(segments.size() - 1));
  }

  FileWriteAheadLog reopen() throws IOException {
    log.close();
    log = new FileWriteAheadLog(dir, ROTATION_MS);
    return log;
  }

  /** The offset of a record in its segment, when every record's bytes are "at N" with a one-digit N. */
  static long recordOffset(int index) {
    return FileFormat.HEADER_BYTES + (long) index * (RecordFrames.HEADER_BYTES + Long.BYTES + "at 1".length());
  }

  /** Bytes that are not zero, so that zeroing any of them damages a record. */
  static byte[] filled(int length) {
    byte[] data = new byte[length];
    Arrays.fill(data, (byte) 'x');
    return data;
  }

  void writeAll(long... times) throws IOException {
    for (long time : times) {
      log.write(bytes("at " + time), time);
    }
  }
}

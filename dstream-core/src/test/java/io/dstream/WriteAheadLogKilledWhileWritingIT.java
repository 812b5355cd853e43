package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.internal.wal.FileWriteAheadLog;
import io.dstream.checkpoint.internal.wal.LogRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write-ahead log whose writer is killed with SIGKILL in the middle of appending a large record, several
 * times: what is left is read back quietly, with every record whose write returned, and one WARN for the
 * torn end, never an error (the soak test's restarts depend on it).
 */
class WriteAheadLogKilledWhileWritingIT {
  private static final int KILLS = 5;
  private static final int RECORD_BYTES = 16 << 20;

  @TempDir
  Path work;

  private ChildJvm child;

  @AfterEach
  void killTheChildIfItIsStillRunning() throws InterruptedException {
    if (child != null) {
      child.killIfAlive();
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aLogKilledWhileWritingIsReadBackWithEveryWrittenRecordAndAtMostOneWarning() throws Exception {
    int torn = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Path directory = work.resolve("wal-" + kill);
      child = ChildJvm.start(WriteAheadLogWriterChild.class, work.resolve("run-" + kill + ".log"),
          directory.toString(), Integer.toString(RECORD_BYTES));
      int written = 0;
      for (String event = child.next(); !event.equals("writing " + (kill + 2)); event = child.next()) {
        if (event.startsWith("written ")) {
          written = Integer.parseInt(event.substring("written ".length()));
        }
      }
      killInTheMiddleOfAWrite(directory);

      try (CapturedLog log = CapturedLog.of(FileWriteAheadLog.class.getName());
          FileWriteAheadLog reopened = new FileWriteAheadLog(FileSystems.resolve(directory.toString()), 60_000)) {
        List<LogRecord> records = reopened.readAll();
        assertThat(records.size()).as("records read back after kill %d", kill).isGreaterThanOrEqualTo(written);
        for (int i = 0; i < records.size(); i++) {
          assertThat(records.get(i).timeMs()).isEqualTo(i + 1);
          byte[] expected = new byte[RECORD_BYTES];
          Arrays.fill(expected, (byte) (i + 1));
          assertThat(Arrays.equals(records.get(i).data(), expected)).as("record %d intact", i + 1).isTrue();
        }
        List<String> warnings = log.messagesStartingWith("Ignoring the torn end");
        assertThat(warnings).as("warnings after kill %d", kill).hasSizeLessThanOrEqualTo(1);
        torn += warnings.size();
      }
    }
    assertThat(torn).as("kills that left a torn record (the test kills while the segment grows)").isPositive();
  }

  /**
   * Kills the child as soon as its segment's length is not that of whole records: while the operating system
   * copies a record in. The write may still complete before the signal lands; then nothing is torn.
   */
  private void killInTheMiddleOfAWrite(Path directory) throws Exception {
    long frameBytes = 12 + Long.BYTES + RECORD_BYTES;
    Path segment;
    try (Stream<Path> files = Files.list(directory)) {
      segment = files.filter(file -> file.getFileName().toString().startsWith("log-")).findFirst().orElseThrow();
    }
    while ((Files.size(segment) - 8) % frameBytes == 0) {
      Thread.onSpinWait();
    }
    child.kill();
  }
}

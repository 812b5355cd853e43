package io.dstream;

import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.internal.wal.FileWriteAheadLog;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The program that {@link WriteAheadLogKilledWhileWritingIT} kills: it appends large records to a write-ahead
 * log without pause, reporting {@code writing N} through {@link ChildJvm#report} as it starts to append the
 * N-th record (a kill on that report most likely lands in the middle of the append) and {@code written N}
 * once the write has returned.
 *
 * <p>Arguments: the log directory, the record size in bytes.
 */
final class WriteAheadLogWriterChild {
  private WriteAheadLogWriterChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream events = System.out;
    byte[] record = new byte[Integer.parseInt(args[1])];
    try (FileWriteAheadLog log = new FileWriteAheadLog(FileSystems.resolve(args[0]), 60_000, false)) {
      ChildJvm.report(events, "started");
      for (int i = 1; ; i++) {
        Arrays.fill(record, (byte) i);
        ChildJvm.report(events, "writing " + i);
        log.write(record, i);
        ChildJvm.report(events, "written " + i);
      }
    }
  }
}

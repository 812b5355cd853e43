package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file stream counts the lines of a file four times larger than its JVM's heap: files are read as
 * streams, in splits, never whole into memory. The child runs with {@code -Xmx64m} and exits on an
 * {@code OutOfMemoryError}, which reading the file whole would throw.
 */
class LargeFileStreamIT {
  private static final long HEAP_BYTES = 64L << 20;
  private static final long FILE_BYTES = 4 * HEAP_BYTES;

  @Test
  void aFileFourTimesTheHeapIsCountedLineByLine(@TempDir Path temp) throws Exception {
    Path input = Files.createDirectories(temp.resolve("in"));
    long lines = writeLines(input.resolve("large.txt"), FILE_BYTES);

    // The JVM reports an OutOfMemoryError on its standard output; the flag sends that to the child's log.
    ChildJvm child = ChildJvm.start(List.of("-Xmx" + (HEAP_BYTES >> 20) + "m", "-XX:+ExitOnOutOfMemoryError",
        "-XX:+DisplayVMOutputToStderr"), LineCountChild.class, temp.resolve("child.log"),
        input.toString());
    try {
      assertThat(child.next()).isEqualTo("count " + lines);
      assertThat(child.awaitExit()).isZero();
    } finally {
      child.killIfAlive();
    }
  }

  /** Writes lines of varied lengths, some with multi-byte characters, until the file has that many bytes. */
  private static long writeLines(Path file, long bytes) throws IOException {
    long written = 0;
    long lines = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      while (written < bytes) {
        String line = "line " + lines + " " + "é€".repeat((int) (lines % 13)) + "x".repeat((int) (lines % 97));
        out.write(line);
        out.write(lines % 5 == 0 ? "\r\n" : "\n");
        written += line.getBytes(StandardCharsets.UTF_8).length + (lines % 5 == 0 ? 2 : 1);
        lines++;
      }
    }
    return lines;
  }
}

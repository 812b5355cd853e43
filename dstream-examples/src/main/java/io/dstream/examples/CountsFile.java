package io.dstream.examples;

import io.dstream.Time;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text file that gets one line per batch, {@code Counts at time <ms> ms <counts>}, and that a batch run
 * again after a crash does not get twice: an idempotent output, as a {@code foreachRDD} that survives
 * recovery must be. Batches complete in time order, so a batch whose time is not after the last line's was
 * appended already. A line is written with one write call; a last line that a kill cut short is removed
 * when the file is opened again, and its batch, which recovery runs again, appends it anew.
 */
final class CountsFile {
  private static final Pattern LINE = Pattern.compile("^Counts at time (\\d+) ms .*");

  private final Path path;
  /** The time of the file's last line, read at the first append; MIN_VALUE while the file has none. */
  private long lastAppended = Long.MIN_VALUE;
  private boolean opened;

  /**
   * Creates a counts file; nothing is read or written until the first append.
   *
   * @param path the file; it and its directory are created at the first append if missing
   */
  CountsFile(Path path) {
    this.path = path;
  }

  /**
   * Formats the line of one batch.
   *
   * @param time the batch time
   * @param counts the batch's counts, as text
   * @return the line, without a line separator
   */
  static String line(Time time, String counts) {
    return "Counts at time " + time + " " + counts;
  }

  /**
   * Reads the batch time of a line.
   *
   * @param line a line of a counts file
   * @return the batch time in milliseconds
   * @throws IllegalArgumentException if the line is not a counts line
   */
  static long timeOf(String line) {
    Matcher matcher = LINE.matcher(line);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a line of a counts file: '" + line + "'");
    }
    return Long.parseLong(matcher.group(1));
  }

  /**
   * Appends a batch's line, unless the file already has it.
   *
   * @param time the batch time
   * @param counts the batch's counts, as text
   * @return true if the line was appended, false if the file already held this batch or a later one
   * @throws UncheckedIOException if the file cannot be read or written
   * @throws IllegalArgumentException if the file exists and its last line is not a counts line
   */
  synchronized boolean append(Time time, String counts) {
    try {
      if (!opened) {
        open();
      }
      if (time.milliseconds() <= lastAppended) {
        return false;
      }
      Files.writeString(path, line(time, counts) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      lastAppended = time.milliseconds();
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append the counts of batch " + time + " to " + path, e);
    }
  }

  /** Drops a torn last line and reads the time of the last whole one. */
  private void open() throws IOException {
    opened = true;
    if (!Files.exists(path)) {
      Files.createDirectories(path.toAbsolutePath().getParent());
      return;
    }
    byte[] bytes = Files.readAllBytes(path);
    int wholeLines = bytes.length;
    while (wholeLines > 0 && bytes[wholeLines - 1] != '\n') {
      wholeLines--;
    }
    if (wholeLines < bytes.length) {
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
        channel.truncate(wholeLines);
      }
    }
    List<String> lines = new String(bytes, 0, wholeLines, StandardCharsets.UTF_8).lines().toList();
    if (!lines.isEmpty()) {
      String last = lines.get(lines.size() - 1);
      try {
        lastAppended = timeOf(last);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(path + " is not a counts file: its last line is '" + last
            + "'; give another output file, or delete this one", e);
      }
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}

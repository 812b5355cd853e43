package io.dstream.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * Feeds a watched directory of a file stream as the seeds ask: each file written completely in a staging
 * directory, dated, then renamed in, so that a test on the manual clock decides which batch takes it.
 */
final class DatedFiles {
  private final Path staging;

  /**
   * Creates the feeder.
   *
   * @param staging a directory on the same file system as the watched ones
   */
  DatedFiles(Path staging) {
    this.staging = staging;
  }

  /**
   * Writes a file in the staging directory, dates it, and renames it into a watched directory.
   *
   * @param watched the directory the stream watches
   * @param name the file's name
   * @param lines its lines
   * @param modifiedAtMillis its modification time
   * @throws IOException if it cannot be written or moved
   */
  void moveIn(Path watched, String name, List<String> lines, long modifiedAtMillis) throws IOException {
    Path staged = Files.write(staging.resolve(name), lines, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(staged, FileTime.fromMillis(modifiedAtMillis));
    Files.move(staged, watched.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }
}

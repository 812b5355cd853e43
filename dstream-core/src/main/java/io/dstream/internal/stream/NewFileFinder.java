package io.dstream.internal.stream;

import io.dstream.checkpoint.fs.FileSystem;
import io.dstream.checkpoint.fs.Location;
import io.dstream.function.Function;
import io.dstream.internal.rdd.UserCodeException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the files of a directory that a file stream's batch may take: regular files directly in the
 * directory (nested directories are ignored), not hidden (names starting with '.' or '_', such as the
 * temporary files of an atomic write or a {@code _SUCCESS} marker), accepted by the user's filter, and
 * modified within a time range.
 */
final class NewFileFinder {
  private final Location directory;
  private final Function<String, Boolean> filter;

  NewFileFinder(Location directory, Function<String, Boolean> filter) {
    this.directory = directory;
    this.filter = filter;
  }

  /**
   * Lists the files modified in {@code [from, to]} that are not excluded.
   *
   * @param from the earliest modification time, inclusive
   * @param to the latest modification time, inclusive
   * @param excluded names of files already taken
   * @return the names, sorted
   * @throws IOException if the directory or a file's attributes cannot be read
   * @throws RuntimeException what the user's filter threw (a checked exception wrapped in a
   *     {@link UserCodeException}), or an {@link IllegalStateException} if it returned null
   */
  List<String> find(long from, long to, Set<String> excluded) throws IOException {
    FileSystem fs = directory.fileSystem();
    List<String> found = new ArrayList<>();
    for (String name : fs.list(directory.path())) {
      if (name.startsWith(".") || name.startsWith("_") || excluded.contains(name)) {
        continue;
      }
      Location file = directory.child(name);
      long modified;
      try {
        if (fs.isDirectory(file.path())) {
          continue;
        }
        modified = fs.modificationTime(file.path());
      } catch (NoSuchFileException goneSinceListed) {
        continue;
      }
      if (modified >= from && modified <= to && accepts(file)) {
        found.add(name);
      }
    }
    found.sort(null);
    return found;
  }

  private boolean accepts(Location file) {
    String uri = file.toString();
    Boolean accepted;
    try {
      accepted = filter.call(uri);
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
    if (accepted == null) {
      throw new IllegalStateException("the file filter of the file stream on " + directory + " returned null for "
          + uri + "; return true to take the file or false to leave it");
    }
    return accepted;
  }

  @Override
  public String toString() {
    return directory.toString();
  }
}

package io.dstream.checkpoint.fs;

import io.dstream.checkpoint.internal.Arguments;
import io.dstream.checkpoint.internal.PathNames;


/**
 * A file or directory: a {@link FileSystem} and a path on it. Obtain one from a URI or a plain path with
 * {@link FileSystems#resolve(String)}; its {@link #toString()} is the URI, which resolves back to it.
 *
 * <pre>{@code
 * Location checkpoints = FileSystems.resolve("/var/app/checkpoints");
 * Location first = checkpoints.child("checkpoint-1000");
 * }</pre>
 *
 * @param fileSystem the file system that holds it
 * @param path its absolute, slash-separated path on that file system
 */
public record Location(FileSystem fileSystem, String path) {
  /**
   * Checks the fields.
   *
   * @param fileSystem the file system that holds it
   * @param path its absolute, slash-separated path on that file system
   * @throws IllegalArgumentException if either is null
   * @throws IllegalArgumentException if the path is empty
   */
  public Location {
    Arguments.requireNonNull(fileSystem, "fileSystem");
    Arguments.requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a location needs a path; give an absolute path such as /data/app");
    }
  }

  /**
   * Returns an entry of this directory.
   *
   * @param name the entry's name, without '/'
   * @return its location
   * @throws IllegalArgumentException if the name is empty, contains '/', or is "." or ".."
   */
  public Location child(String name) {
    return new Location(fileSystem, PathNames.child(path, Arguments.requireNonNull(name, "name")));
  }

  /**
   * Returns the last name of the path.
   *
   * @return the name; empty for a root
   */
  public String name() {
    return PathNames.name(path);
  }

  /**
   * Returns the URI of this location.
   *
   * @return the URI, as text
   */
  @Override
  public String toString() {
    return fileSystem.toUri(path).toString();
  }
}

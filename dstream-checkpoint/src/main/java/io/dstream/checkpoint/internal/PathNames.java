package io.dstream.checkpoint.internal;

import io.dstream.checkpoint.fs.FileSystem;
import java.nio.file.FileSystemException;
import java.util.UUID;

/**
 * Splits and joins the slash-separated paths of the {@link FileSystem} SPI: shared by the SPI's default
 * methods and the built-in file systems, so that all name paths, temporary files and path errors alike.
 */
public final class PathNames {
  /** The root directory of every file system. */
  public static final String ROOT = "/";

  private PathNames() {}

  /**
   * Returns the parent of a path.
   *
   * @param path an absolute, slash-separated path
   * @return its parent, or null for a root
   */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0 || path.equals(ROOT)) {
      return null;
    }
    return slash == 0 ? ROOT : path.substring(0, slash);
  }

  /**
   * Returns the last name of a path.
   *
   * @param path a slash-separated path
   * @return its last name; empty for a root
   */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * Returns the path of an entry of a directory.
   *
   * @param directory the directory's path
   * @param name the entry's name
   * @return the entry's path
   * @throws IllegalArgumentException if the name is empty, contains '/', or is "." or ".."
   */
  public static String child(String directory, String name) {
    if (name.isEmpty() || name.indexOf('/') >= 0 || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("'" + name + "' is not a file name: give one name without '/' "
          + "(and not '.' or '..')");
    }
    return directory.endsWith("/") ? directory + name : directory + "/" + name;
  }

  /**
   * Returns a fresh name in the same directory under which to write a file before renaming it: hidden (it
   * starts with a dot) and ending in {@code .tmp}.
   *
   * @param path the file that will be written
   * @return the temporary file's path
   */
  public static String temporarySibling(String path) {
    String parent = parent(path);
    String hidden = "." + name(path) + "." + UUID.randomUUID() + ".tmp";
    return parent == null ? hidden : child(parent, hidden);
  }

  /**
   * Refuses a negative offset of a ranged read.
   *
   * @param offset the offset asked for
   * @param path the file, as the message should name it
   * @throws IllegalArgumentException if the offset is negative
   */
  public static void requireOffset(long offset, String path) {
    if (offset < 0) {
      throw new IllegalArgumentException("cannot read " + path + " from offset " + offset
          + ": an offset counts bytes from the start of the file, from 0");
    }
  }

  /**
   * Returns the error for a directory that cannot be created because a file is in the way.
   *
   * @param directory the directory asked for
   * @param file the file in the way: the directory or one of its parents
   * @return the error to throw
   */
  public static FileSystemException fileInTheWay(String directory, String file) {
    return new FileSystemException(directory, null, "cannot create this directory: " + file
        + " is a file, not a directory; remove that file or choose another location");
  }
}

package io.dstream.checkpoint.internal;

import io.dstream.checkpoint.fs.FileSystem;
import java.nio.file.FileSystemException;
import java.util.UUID;

/** Splits and joins the slash-separated paths of the {@link FileSystem} SPI. */
final class PathNames {
  static final String ROOT = "/";

  private PathNames() {}

  /** Returns the parent of a path, or null for a root. */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0 || path.equals(ROOT)) {
      return null;
    }
    return slash == 0 ? ROOT : path.substring(0, slash);
  }

  /** Returns the last name of a path. */
  static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Returns the path of an entry of a directory. */
  static String child(String directory, String name) {
    if (name.isEmpty() || name.indexOf('/') >= 0 || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("'" + name + "' is not a file name: give one name without '/' "
          + "(and not '.' or '..')");
    }
    return directory.endsWith("/") ? directory + name : directory + "/" + name;
  }

  /** Returns a fresh name in the same directory under which to write a file before renaming it. */
  static String temporarySibling(String path) {
    String parent = parent(path);
    String hidden = "." + name(path) + "." + UUID.randomUUID() + ".tmp";
    return parent == null ? hidden : child(parent, hidden);
  }

  /** Refuses a negative offset of a ranged read. */
  static void requireOffset(long offset, String path) {
    if (offset < 0) {
      throw new IllegalArgumentException("cannot read " + path + " from offset " + offset
          + ": an offset counts bytes from the start of the file, from 0");
    }
  }

  /** The error for a directory that cannot be created because a file is in the way. */
  static FileSystemException fileInTheWay(String directory, String file) {
    return new FileSystemException(directory, null, "cannot create this directory: " + file
        + " is a file, not a directory; remove that file or choose another location");
  }
}

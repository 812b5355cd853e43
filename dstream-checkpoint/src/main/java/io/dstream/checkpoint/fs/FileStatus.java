package io.dstream.checkpoint.fs;

import io.dstream.checkpoint.internal.Arguments;


/**
 * What a {@link FileSystem} tells about one path in a single call ({@link FileSystem#status(String)}): what
 * kind of entry it is, its length and when it was last modified. File streams use it to take only regular
 * files, to split large files into parts, and to notice a file that changed after it was read.
 *
 * <pre>{@code
 * FileStatus status = fs.status("/data/in/orders.csv");
 * if (status.isRegularFile() && status.length() > 64 << 20) { ... }
 * }</pre>
 *
 * @param kind what the path is
 * @param length the number of bytes of a regular file; {@link #UNKNOWN_LENGTH} for other kinds, and for a
 *     file whose file system cannot tell its length without reading it
 * @param modificationTime when it was last modified, in milliseconds since the epoch
 */
public record FileStatus(Kind kind, long length, long modificationTime) {
  /** The length of a file whose length is not known, and of anything that is not a regular file. */
  public static final long UNKNOWN_LENGTH = -1;

  /** The kinds of entries a path can name. */
  public enum Kind {
    /** A regular file: bytes that can be read to their end. */
    REGULAR_FILE,
    /** A directory. */
    DIRECTORY,
    /**
     * Anything else, such as a named pipe (FIFO), a socket or a device: reading it may block until another
     * process writes, or never end.
     */
    OTHER
  }

  /**
   * Checks the fields.
   *
   * @param kind what the path is
   * @param length the length in bytes, or {@link #UNKNOWN_LENGTH}
   * @param modificationTime milliseconds since the epoch
   * @throws IllegalArgumentException if the kind is null
   * @throws IllegalArgumentException if the length is below {@link #UNKNOWN_LENGTH}
   */
  public FileStatus {
    Arguments.requireNonNull(kind, "kind");
    if (length < UNKNOWN_LENGTH) {
      throw new IllegalArgumentException("a file's length is at least 0, or UNKNOWN_LENGTH (-1); got " + length);
    }
  }

  /**
   * Tells whether the path is a regular file.
   *
   * @return true for {@link Kind#REGULAR_FILE}
   */
  public boolean isRegularFile() {
    return kind == Kind.REGULAR_FILE;
  }

  /**
   * Tells whether the length is known.
   *
   * @return false if the length is {@link #UNKNOWN_LENGTH}
   */
  public boolean hasKnownLength() {
    return length != UNKNOWN_LENGTH;
  }
}

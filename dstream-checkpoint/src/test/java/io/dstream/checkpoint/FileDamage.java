package io.dstream.checkpoint;

import io.dstream.checkpoint.fs.FileSystem;
import io.dstream.checkpoint.fs.Location;
import java.io.IOException;
import java.util.Arrays;

/** Damages files through their own file system, as a crash or a bad disk would. */
public final class FileDamage {
  private FileDamage() {}

  /** Cuts the last bytes off a file, as a write cut short by a crash leaves it. */
  public static void truncateBy(Location file, int bytes) throws IOException {
    byte[] content = read(file);
    replace(file, Arrays.copyOf(content, content.length - bytes));
  }

  /** Flips the bits of one byte, counted from the start of the file. */
  public static void flipByte(Location file, int offset) throws IOException {
    byte[] content = read(file);
    content[offset] ^= (byte) 0xFF;
    replace(file, content);
  }

  /** Sets every byte from an offset to the end to zero, as a power failure can leave what had not reached the disk. */
  public static void zeroFrom(Location file, long offset) throws IOException {
    byte[] content = read(file);
    Arrays.fill(content, (int) offset, content.length, (byte) 0);
    replace(file, content);
  }

  /** Overwrites four bytes with a big-endian int. */
  public static void overwriteInt(Location file, int offset, int value) throws IOException {
    byte[] content = read(file);
    content[offset] = (byte) (value >>> 24);
    content[offset + 1] = (byte) (value >>> 16);
    content[offset + 2] = (byte) (value >>> 8);
    content[offset + 3] = (byte) value;
    replace(file, content);
  }

  /** Appends bytes to a file. */
  public static void append(Location file, byte... extra) throws IOException {
    byte[] content = read(file);
    byte[] longer = Arrays.copyOf(content, content.length + extra.length);
    System.arraycopy(extra, 0, longer, content.length, extra.length);
    replace(file, longer);
  }

  /** Deletes a directory and everything under it, as a user cleaning up by hand would. */
  public static void deleteTree(Location directory) throws IOException {
    FileSystem fs = directory.fileSystem();
    if (fs.isDirectory(directory.path())) {
      for (String child : fs.list(directory.path())) {
        deleteTree(directory.child(child));
      }
    }
    fs.delete(directory.path());
  }

  /** Returns a file's length. */
  public static int length(Location file) throws IOException {
    return read(file).length;
  }

  private static byte[] read(Location file) throws IOException {
    return file.fileSystem().readAllBytes(file.path());
  }

  private static void replace(Location file, byte[] content) throws IOException {
    file.fileSystem().writeAtomically(file.path(), content);
  }
}

package io.dstream.internal.output;

import io.dstream.internal.rdd.RddNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes one RDD as one directory of part files, atomically: {@code part-00000}, {@code part-00001}, ...
 * (one per partition, written by the partition's task) and an empty {@code _SUCCESS} marker.
 *
 * <p>The files are written into a hidden sibling directory ({@code .<name>.writing}), each part forced to
 * disk, then the directory itself, which is then renamed into place, and the parent forced after the rename:
 * a crash of the machine never leaves a published directory with missing or short parts. A directory
 * already at the target (from an earlier attempt of the same batch) is first renamed aside
 * ({@code .<name>.replaced}) and deleted after the new one is in place. A reader therefore sees the old
 * complete directory, briefly none, or the new complete one, never a half-written one; and writing the same
 * RDD again leaves the same files. A failed write deletes what it wrote and leaves the target as it was.
 *
 * <p>One writer per target directory at a time: two concurrent writes to the same target would share the
 * hidden sibling.
 */
public final class BatchDirectoryWriter {
  /** The name of the empty file that marks a complete directory. */
  public static final String SUCCESS_MARKER = "_SUCCESS";

  private final Path target;
  private final Path staging;
  private final Path replaced;

  /**
   * Creates a writer for one target directory.
   *
   * @param target the directory to create or replace
   * @throws IllegalArgumentException if the path has no parent directory (a file-system root)
   */
  public BatchDirectoryWriter(Path target) {
    this.target = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
    Path parent = this.target.getParent();
    if (parent == null || this.target.getFileName() == null) {
      throw new IllegalArgumentException("cannot write a batch directory at " + target
          + ": it has no parent directory; give a path such as /data/out-1000");
    }
    String name = this.target.getFileName().toString();
    this.staging = parent.resolve("." + name + ".writing");
    this.replaced = parent.resolve("." + name + ".replaced");
  }

  /**
   * Returns the name of a partition's part file.
   *
   * @param partition the partition index
   * @return {@code part-00000} for partition 0
   */
  public static String partFileName(int partition) {
    return String.format(Locale.ROOT, "part-%05d", partition);
  }

  /**
   * Returns the directory this writer creates.
   *
   * @return the absolute target path
   */
  public Path target() {
    return target;
  }

  /**
   * Computes the RDD (one task per partition, each writing its part file) and publishes the directory.
   *
   * @param rdd the records
   * @param format how a partition becomes a part file
   * @param <T> the record type
   * @throws IOException if a directory cannot be created, renamed or deleted, or if the target exists and is
   *     not a directory; the message names the path
   * @throws io.dstream.rdd.JobFailedException if a task keeps failing; its cause is the task's exception
   */
  public <T> void write(RddNode<T> rdd, PartFileFormat<T> format) throws IOException {
    Path parent = target.getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new IOException("cannot create the directory " + parent + " for the batch output " + target
          + ": " + e, e);
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("cannot write the batch output " + target + ": a file that is not a directory is in "
          + "the way; remove it or choose another prefix");
    }
    // Leftovers of an attempt that died half-way.
    deleteRecursively(staging);
    deleteRecursively(replaced);
    try {
      Files.createDirectory(staging);
      writeParts(rdd, format);
      Files.createFile(staging.resolve(SUCCESS_MARKER));
      // The parts and the directory entries must be on disk before the rename publishes them: otherwise a
      // crash of the machine could leave a published directory with empty or missing parts.
      forceDirectory(staging);
      publish();
      forceDirectory(target.toAbsolutePath().getParent());
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(staging, e);
      throw e;
    }
  }

  private <T> void writeParts(RddNode<T> rdd, PartFileFormat<T> format) {
    rdd.engine().jobRunner().runJob(rdd, (partition, records) -> {
      // A retried task truncates what the failed attempt wrote.
      Path part = staging.resolve(partFileName(partition));
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
        format.write(records, out);
        out.flush();
        channel.force(true);
      }
      return Boolean.TRUE;
    });
  }

  /**
   * Forces a directory's entries (the files created or renamed in it) to disk. Where directories cannot be
   * opened (not on POSIX systems), the file system makes renames durable by itself and this does nothing.
   */
  private static void forceDirectory(Path directory) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(directory, StandardOpenOption.READ);
    } catch (IOException | UnsupportedOperationException e) {
      return;
    }
    try (channel) {
      channel.force(true);
    }
  }

  private void publish() throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException restoreFailure) {
        e.addSuppressed(restoreFailure);
      }
      throw e;
    }
    deleteRecursively(replaced);
  }

  private static void deleteQuietly(Path directory, Throwable failure) {
    try {
      deleteRecursively(directory);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Deletes a file or a directory with everything in it; does nothing if it does not exist.
   *
   * @param path the file or directory
   * @throws IOException if something cannot be deleted
   */
  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}

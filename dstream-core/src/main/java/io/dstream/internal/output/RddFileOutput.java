package io.dstream.internal.output;

import io.dstream.internal.rdd.RddNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The output of {@code RDD.saveAsTextFile} and {@code saveAsObjectFile}: one RDD written to one directory with
 * a {@link BatchDirectoryWriter}, as a stream's {@code saveAs...Files} writes each batch.
 */
public final class RddFileOutput {
  private RddFileOutput() {}

  /**
   * Writes an RDD to a directory, one part file per partition, replacing the directory if it exists.
   *
   * @param operation the operation's name, for messages
   * @param path the directory
   * @param rdd the records
   * @param format how a partition becomes a part file
   * @param <T> the record type
   * @throws IllegalArgumentException if the path is blank, not a valid path, or a file-system root
   * @throws UncheckedIOException if the directory cannot be written; the message names the path
   * @throws io.dstream.rdd.JobFailedException if a task keeps failing
   */
  public static <T> void write(String operation, String path, RddNode<T> rdd, PartFileFormat<T> format) {
    if (path.isBlank()) {
      throw new IllegalArgumentException(operation + ": the path must not be blank; give a directory such as "
          + "/data/out");
    }
    Path target;
    try {
      target = Path.of(path);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(operation + ": '" + path + "' is not a valid path: " + e.getMessage(), e);
    }
    try {
      new BatchDirectoryWriter(target).write(rdd, format);
    } catch (IOException e) {
      throw new UncheckedIOException(operation + ": cannot write the directory " + target + ": " + e.getMessage(), e);
    }
  }
}

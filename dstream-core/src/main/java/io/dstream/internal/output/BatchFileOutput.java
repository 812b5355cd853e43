package io.dstream.internal.output;

import io.dstream.Time;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.stream.BatchOutput;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The output function of {@code saveAsTextFiles} and {@code saveAsObjectFiles}: writes each batch's RDD to
 * the directory {@code prefix-<batch time in ms>[.suffix]} with a {@link BatchDirectoryWriter}.
 *
 * @param <T> the record type
 */
public final class BatchFileOutput<T> implements BatchOutput<T> {
  private final String prefix;
  private final String suffix;
  private final PartFileFormat<T> format;

  /**
   * Checks the prefix and suffix and creates the function.
   *
   * @param operation the operation's name, for error messages
   * @param prefix the path prefix of every batch's directory, such as {@code /data/counts}
   * @param suffix the suffix after a dot, or null or empty for none
   * @param format how each partition is written
   * @throws IllegalArgumentException if the prefix is null or blank, or the names it gives are not valid paths
   */
  public BatchFileOutput(String operation, String prefix, String suffix, PartFileFormat<T> format) {
    if (prefix == null || prefix.isBlank()) {
      throw new IllegalArgumentException(operation + ": the prefix must not be empty; give a path such as "
          + "/data/counts, and each batch writes the directory /data/counts-<batch time in ms>");
    }
    this.prefix = prefix;
    this.suffix = suffix == null ? "" : suffix;
    this.format = format;
    try {
      directoryFor(new Time(0));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(operation + ": the prefix '" + prefix + "' and suffix '" + this.suffix
          + "' do not make a valid path: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the directory of a batch: {@code prefix-<time in ms>}, then {@code .suffix} if the suffix is not
   * empty.
   *
   * @param time the batch time
   * @return the directory
   */
  public Path directoryFor(Time time) {
    String name = prefix + "-" + time.milliseconds() + (suffix.isEmpty() ? "" : "." + suffix);
    return Path.of(name);
  }

  /**
   * Writes one batch.
   *
   * @param batch the batch's records
   * @param time the batch time
   * @throws IOException if the directory cannot be written
   */
  @Override
  public void run(RddNode<T> batch, Time time) throws IOException {
    new BatchDirectoryWriter(directoryFor(time)).write(batch, format);
  }
}

package io.dstream.internal.stream;

import io.dstream.checkpoint.fs.FileStatus;
import java.util.List;

/**
 * What a file stream has taken, as stored in the metadata checkpoint: the files each remembered or
 * unfinished batch took, each with its length and modification time when the batch took it, so that a batch
 * run again after a restart reads the same bytes of the same files, a file changed since is noticed, and no
 * file is taken twice.
 *
 * @param ignoreBeforeMs files modified before this time are never taken ({@code newFilesOnly}: the time of
 *     the first start), or {@link Long#MIN_VALUE}
 * @param batches the files of each batch, by batch time, ascending
 */
public record FileStreamProgress(long ignoreBeforeMs, List<BatchFiles> batches) {
  /**
   * Copies the list.
   *
   * @param ignoreBeforeMs files modified before this time are never taken
   * @param batches the files of each batch
   */
  public FileStreamProgress {
    batches = List.copyOf(batches);
  }

  /**
   * The files one batch took.
   *
   * @param batchTimeMs the batch time
   * @param files the files, sorted by name
   */
  public record BatchFiles(long batchTimeMs, List<TakenFile> files) {
    /**
     * Copies the list.
     *
     * @param batchTimeMs the batch time
     * @param files the files
     */
    public BatchFiles {
      files = List.copyOf(files);
    }
  }

  /**
   * A file that a batch took, as it was then: its batch reads it up to that length, whenever it runs.
   *
   * @param name its name in the stream's directory
   * @param length its length in bytes, or {@link FileStatus#UNKNOWN_LENGTH} if its file system could not
   *     tell (the file is then read to its end)
   * @param modificationTime its modification time, in milliseconds since the epoch
   */
  public record TakenFile(String name, long length, long modificationTime) {
    /**
     * Returns a file as a listing saw it.
     *
     * @param name its name in the directory
     * @param status its status
     * @return the file
     */
    public static TakenFile of(String name, FileStatus status) {
      return new TakenFile(name, status.length(), status.modificationTime());
    }

    /**
     * Tells whether a file's status now differs from what its batch took.
     *
     * @param now the file's status now
     * @return true if its length or its modification time changed
     */
    public boolean changedTo(FileStatus now) {
      return length != now.length() || modificationTime != now.modificationTime();
    }
  }
}

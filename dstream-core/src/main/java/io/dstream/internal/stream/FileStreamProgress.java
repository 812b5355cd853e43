package io.dstream.internal.stream;

import java.util.List;

/**
 * What a file stream has taken, as stored in the metadata checkpoint: the files each remembered or
 * unfinished batch took, so that a batch run again after a restart takes the same files and no file is
 * taken twice.
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
   * @param fileNames the names of the files in the stream's directory, sorted
   */
  public record BatchFiles(long batchTimeMs, List<String> fileNames) {
    /**
     * Copies the list.
     *
     * @param batchTimeMs the batch time
     * @param fileNames the file names
     */
    public BatchFiles {
      fileNames = List.copyOf(fileNames);
    }
  }
}

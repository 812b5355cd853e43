package io.dstream.sql.internal;

import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import java.nio.file.Path;

/**
 * What bounds a session's engine: its memory, threads and spill directory, from a context's configuration.
 *
 * @param memoryLimitBytes the most memory the engine takes
 * @param threads the threads one query runs on
 * @param tempDirectory where it spills, or null for a directory of its own under java.io.tmpdir
 */
public record EngineSettings(long memoryLimitBytes, int threads, Path tempDirectory) {
  /**
   * Reads the settings of a configuration ({@code dstream.sql.*}).
   *
   * @param conf the configuration
   * @return the settings
   * @throws IllegalArgumentException if a key's value is not valid
   */
  public static EngineSettings of(StreamingConf conf) {
    Integer threads = conf.get(ConfigKeys.SQL_THREADS);
    String temp = conf.get(ConfigKeys.SQL_TEMP_DIRECTORY);
    return new EngineSettings(conf.get(ConfigKeys.SQL_MEMORY_LIMIT),
        threads == null ? conf.workerThreads() : threads, temp == null ? null : Path.of(temp));
  }
}

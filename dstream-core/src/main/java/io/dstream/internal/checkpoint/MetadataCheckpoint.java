package io.dstream.internal.checkpoint;

import io.dstream.Time;
import io.dstream.internal.scheduler.BatchSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One metadata checkpoint: what a restart needs to go on where a run stopped, and no code. Written by the
 * {@link MetadataCheckpointer} after each batch is generated and after it completes, read back by
 * {@link RecoveredMetadata}. Serialized with the context's Kryo serializer; {@link #formatVersion()} says
 * which layout of this record wrote it.
 *
 * @param formatVersion the layout version, {@link #FORMAT_VERSION} when written by this code
 * @param batchDurationMs the batch interval of the run
 * @param zeroTimeMs the batch time before the run's first batch
 * @param lastGeneratedTimeMs the latest batch whose jobs were generated
 * @param unfinishedTimesMs the batches generated but not completed successfully, ascending
 * @param graph the shape of the DStream graph
 * @param configuration the run's configuration, for information (a restart uses the factory's)
 * @param inputProgress each recoverable input stream's progress, by stable key
 * @param snapshotTimesMs each snapshotting stream's latest complete snapshot, by stable key
 */
public record MetadataCheckpoint(int formatVersion, long batchDurationMs, long zeroTimeMs, long lastGeneratedTimeMs,
    List<Long> unfinishedTimesMs, GraphFingerprint graph, Map<String, String> configuration,
    Map<String, Object> inputProgress, Map<String, Long> snapshotTimesMs) {

  /**
   * The layout version this code writes and reads. Version 2 added each stream's parameters to the graph;
   * version 3 added the length and modification time of each file a file stream's batch took (without them,
   * a batch run again would read a file as it is at the restart). Checkpoints of earlier versions are
   * refused as written by another version of dstream.
   */
  public static final int FORMAT_VERSION = 3;

  /**
   * Copies the collections.
   *
   * @param formatVersion the layout version
   * @param batchDurationMs the batch interval
   * @param zeroTimeMs the zero time
   * @param lastGeneratedTimeMs the latest generated batch
   * @param unfinishedTimesMs the unfinished batches
   * @param graph the graph's shape
   * @param configuration the configuration
   * @param inputProgress the inputs' progress
   * @param snapshotTimesMs the latest snapshots
   */
  public MetadataCheckpoint {
    unfinishedTimesMs = List.copyOf(unfinishedTimesMs);
    configuration = Map.copyOf(configuration);
    inputProgress = Map.copyOf(inputProgress);
    snapshotTimesMs = Map.copyOf(snapshotTimesMs);
  }

  /**
   * Returns the batch schedule this checkpoint recorded.
   *
   * @return the schedule
   */
  public BatchSchedule schedule() {
    List<Time> unfinished = new ArrayList<>(unfinishedTimesMs.size());
    for (long time : unfinishedTimesMs) {
      unfinished.add(new Time(time));
    }
    return new BatchSchedule(new Time(zeroTimeMs), new Time(lastGeneratedTimeMs), unfinished);
  }
}

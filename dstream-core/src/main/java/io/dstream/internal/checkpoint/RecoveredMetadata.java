package io.dstream.internal.checkpoint;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.checkpoint.internal.store.Checkpoint;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.durable.CheckpointDirectory;
import io.dstream.internal.scheduler.BatchSchedule;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.InputStreamNode;
import io.dstream.internal.stream.RecoverableInput;
import io.dstream.internal.stream.SnapshottingStream;
import io.dstream.internal.stream.StreamNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The newest intact metadata checkpoint of a directory, read back for {@code StreamingContext.getOrCreate}:
 * it checks that the graph the factory built is the one the checkpoint was written for, gives the batch
 * schedule to restart from, and restores the inputs' progress and the stateful streams' snapshots into the
 * new graph. Only data is restored; the code is the factory's.
 */
public final class RecoveredMetadata {
  private final CheckpointDirectory directory;
  private final MetadataCheckpoint metadata;

  private RecoveredMetadata(CheckpointDirectory directory, MetadataCheckpoint metadata) {
    this.directory = directory;
    this.metadata = metadata;
  }

  /**
   * Reads the newest usable metadata checkpoint. The store logs and skips the damaged ones; this skips, in
   * the same way, a file that is not a metadata checkpoint (another kind of dstream file, or a directory, in
   * its place) and a checkpoint whose state snapshots are damaged or missing, so that recovery falls back to
   * the newest checkpoint whose snapshots are intact.
   *
   * @param directory the checkpoint directory
   * @param serializer the serializer the checkpoints were written with
   * @param graph the graph the factory built, whose stateful streams check their snapshots
   * @return the checkpoint, or empty if the directory holds none
   * @throws IllegalStateException if checkpoints exist but none can be used (all damaged, or written by an
   *     incompatible version); the message names the directory and says what to do
   */
  public static Optional<RecoveredMetadata> read(CheckpointDirectory directory, Serializer serializer,
      DStreamGraph graph) {
    Map<Long, MetadataCheckpoint> accepted = new HashMap<>();
    Optional<Checkpoint> latest;
    try {
      latest = directory.metadata().readLatest(checkpoint -> {
        Object value;
        try {
          value = checkpoint.value(serializer);
        } catch (CorruptDataException e) {
          return Optional.of("it cannot be decoded as a metadata checkpoint (" + e.getMessage() + "): it is a "
              + "file of another kind, or was written by another version of dstream (to recover from it, run that "
              + "version)");
        }
        if (!(value instanceof MetadataCheckpoint metadata)) {
          return Optional.of("it holds " + (value == null ? "null" : "a " + value.getClass().getName())
              + ", not a metadata checkpoint");
        }
        if (metadata.formatVersion() != MetadataCheckpoint.FORMAT_VERSION) {
          throw new IllegalStateException(unusable(directory, checkpoint, "has format version "
              + metadata.formatVersion() + ", and this version of dstream reads version "
              + MetadataCheckpoint.FORMAT_VERSION));
        }
        Optional<String> snapshotProblem = unusableSnapshot(graph, metadata);
        if (snapshotProblem.isEmpty()) {
          accepted.put(checkpoint.timeMs(), metadata);
        }
        return snapshotProblem;
      });
    } catch (CorruptDataException e) {
      throw new IllegalStateException("cannot recover: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the metadata checkpoints in " + directory + ": " + e
          + "; check that the directory is readable", e);
    }
    return latest.map(checkpoint -> new RecoveredMetadata(directory, accepted.get(checkpoint.timeMs())));
  }

  /**
   * Says which state snapshot of a metadata checkpoint is damaged or missing, if one is. A stream the graph no
   * longer has is left to {@link #checkMatches}, which refuses the graph.
   */
  private static Optional<String> unusableSnapshot(DStreamGraph graph, MetadataCheckpoint metadata) {
    for (StreamNode<?> stream : graph.streams()) {
      Long snapshotTime = metadata.snapshotTimesMs().get(stream.stableKey());
      if (stream instanceof SnapshottingStream snapshotting && snapshotTime != null) {
        try {
          snapshotting.checkSnapshot(new Time(snapshotTime));
        } catch (IOException e) {
          return Optional.of("the state snapshot of " + snapshotTime + " ms of stream '" + stream.stableKey()
              + "' that it needs cannot be used (" + e.getMessage() + ")");
        }
      }
    }
    return Optional.empty();
  }

  private static String unusable(CheckpointDirectory directory, Checkpoint checkpoint, String problem) {
    return "cannot recover from the checkpoint directory " + directory + ": its newest intact metadata "
        + "checkpoint (of " + checkpoint.timeMs() + " ms) " + problem + "; it was written by another version of "
        + "dstream. Run that version to finish, or delete the checkpoint directory to start afresh (the progress "
        + "and state it holds are lost)";
  }

  /**
   * Checks that a graph is the one the checkpoint was written for: the same batch duration, and the same
   * streams (stable key, operation, parents and parameters), in creation order.
   *
   * @param graph the graph the factory built
   * @throws IllegalStateException naming the first difference and what to do
   */
  public void checkMatches(DStreamGraph graph) {
    Duration checkpointed = new Duration(metadata.batchDurationMs());
    if (!checkpointed.equals(graph.batchDuration())) {
      throw new IllegalStateException("cannot recover from the checkpoint in " + directory + ": it was written "
          + "with a batch duration of " + checkpointed + ", but the new context has " + graph.batchDuration()
          + "; create the context with the batch duration of the checkpoint, or delete the checkpoint directory "
          + "to start afresh (the progress and state it holds are lost)");
    }
    Optional<String> difference = metadata.graph().firstDifference(GraphFingerprint.of(graph));
    if (difference.isPresent()) {
      throw new IllegalStateException("cannot recover from the checkpoint in " + directory + ": the DStream graph "
          + "has changed since it was written: " + difference.get() + ". Recovery restores each stream's "
          + "progress and state into the stream with the same key (its .name(...), or its position in creation "
          + "order), so the graph must be the same: the same streams, operations, parents and parameters (such as "
          + "a file stream's directory or a window's durations); only the functions inside it may change. "
          + "Restore the graph the checkpoint was written with (names keep a stream's key when the program creates "
          + "its streams in another order; a stream added or removed is refused either way), or delete the "
          + "checkpoint directory to start afresh (the progress and state it holds are lost)");
    }
  }

  /**
   * Returns the batch schedule of the checkpointed run.
   *
   * @return the schedule
   */
  public BatchSchedule schedule() {
    return metadata.schedule();
  }

  /**
   * Returns the checkpoint itself.
   *
   * @return the metadata
   */
  public MetadataCheckpoint metadata() {
    return metadata;
  }

  /**
   * Restores every recoverable input's progress and every snapshotting stream's state into a started graph
   * (streams initialized), before its first batch.
   *
   * @param graph the graph, which {@link #checkMatches} accepted
   * @throws IllegalStateException if a stream's progress or snapshot cannot be restored; the message names
   *     the stream and says what to do
   */
  public void restoreInto(DStreamGraph graph) {
    for (InputStreamNode<?> input : graph.inputStreams()) {
      Object progress = metadata.inputProgress().get(input.stableKey());
      if (input instanceof RecoverableInput recoverable && progress != null) {
        recoverable.restoreProgress(progress);
      }
    }
    for (StreamNode<?> stream : graph.streams()) {
      Long snapshotTime = metadata.snapshotTimesMs().get(stream.stableKey());
      if (stream instanceof SnapshottingStream snapshotting && snapshotTime != null) {
        try {
          snapshotting.restoreSnapshot(new Time(snapshotTime));
        } catch (IOException e) {
          throw new IllegalStateException("cannot restore the state of " + stream + " from its snapshot of "
              + snapshotTime + " ms in " + directory + ": " + e.getMessage() + "; restore the snapshot files, or "
              + "delete the checkpoint directory to start afresh (the progress and state it holds are lost)", e);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "RecoveredMetadata(" + directory + ", batches up to " + metadata.lastGeneratedTimeMs() + " ms)";
  }
}

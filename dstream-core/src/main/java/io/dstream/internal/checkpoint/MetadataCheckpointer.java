package io.dstream.internal.checkpoint;

import io.dstream.StreamingConf;
import io.dstream.Time;
import io.dstream.checkpoint.internal.store.CheckpointStore;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.durable.CheckpointDirectory;
import io.dstream.internal.scheduler.BatchCheckpointer;
import io.dstream.internal.scheduler.BatchSchedule;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.InputStreamNode;
import io.dstream.internal.stream.RecoverableInput;
import io.dstream.internal.stream.SnapshottingStream;
import io.dstream.internal.stream.StreamNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the context's metadata checkpoints: on the job generator's event loop it captures the batch schedule,
 * every recoverable input's progress and every snapshotting stream's latest snapshot time into a
 * {@link MetadataCheckpoint} (cheap: immutable copies), and hands it to a {@link CheckpointWriter}, which
 * writes it to {@code metadata/} in the checkpoint directory on its own thread.
 *
 * <p>A fresh start (one that did not recover) first deletes the metadata checkpoints that earlier runs left
 * in the directory: recovery takes the checkpoint of the latest batch time, and an earlier run's batch times
 * may be later than this run's (its clock went on longer, or a clock restarted at the same times), so that a
 * later {@code getOrCreate} would restore that run instead of this one.
 */
public final class MetadataCheckpointer implements BatchCheckpointer {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataCheckpointer.class);

  private final DStreamGraph graph;
  private final CheckpointStore store;
  private final GraphFingerprint fingerprint;
  private final Map<String, String> configuration;
  private final CheckpointWriter writer;

  private MetadataCheckpointer(DStreamGraph graph, StreamingConf conf, CheckpointStore store,
      Serializer serializer) {
    this.graph = graph;
    this.store = store;
    this.fingerprint = GraphFingerprint.of(graph);
    this.configuration = Map.copyOf(conf.getAll());
    this.writer = new CheckpointWriter(store, serializer, conf.appName());
  }

  /**
   * Creates the checkpointer of a context whose graph is complete.
   *
   * @param directory the checkpoint directory
   * @param graph the graph
   * @param conf the configuration, recorded for information
   * @param serializer serializes the checkpoints
   * @return the checkpointer; its writer thread starts with the first checkpoint
   * @throws IllegalStateException if the metadata directory cannot be created; the message names it
   */
  public static MetadataCheckpointer create(CheckpointDirectory directory, DStreamGraph graph, StreamingConf conf,
      Serializer serializer) {
    try {
      return new MetadataCheckpointer(graph, conf, directory.metadata(), serializer);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write metadata checkpoints to " + directory + ": " + e.getMessage()
          + "; make the checkpoint directory writable, or choose another one", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>First deletes the metadata checkpoints of earlier runs (see the class comment), logging how many at
   * WARN: what they held cannot be recovered any more.
   *
   * @throws IllegalStateException also if a checkpoint of an earlier run cannot be deleted; the message names
   *     the directory
   */
  @Override
  public void checkpointStart(BatchSchedule schedule) {
    deleteEarlierRuns();
    try {
      writer.writeNow(capture(schedule));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot write the first metadata checkpoint: " + e.getMessage()
          + "; make the checkpoint directory writable, or choose another one", e);
    }
  }

  private void deleteEarlierRuns() {
    int deleted;
    try {
      deleted = store.deleteAll();
    } catch (IOException e) {
      throw new IllegalStateException("cannot delete the metadata checkpoints that an earlier run left in "
          + store.directory() + ": " + e.getMessage() + "; a later recovery would restore that run instead of "
          + "this one. Make the checkpoint directory writable, or choose another one", e);
    }
    if (deleted > 0) {
      LOG.warn("Deleted {} metadata checkpoints that an earlier run left in {}: this run started afresh instead of "
          + "recovering from them (use StreamingContext.getOrCreate to go on from an earlier run)", deleted,
          store.directory());
    }
  }

  @Override
  public void whenWritten(Consumer<BatchSchedule> listener) {
    writer.whenWritten(checkpoint -> listener.accept(checkpoint.schedule()));
  }

  @Override
  public CompletableFuture<Boolean> checkpoint(BatchSchedule schedule) {
    return writer.submit(capture(schedule));
  }

  /**
   * Captures what a checkpoint of the current moment holds. Call it on the job generator's thread.
   *
   * @param schedule where the batches stand
   * @return the checkpoint
   */
  MetadataCheckpoint capture(BatchSchedule schedule) {
    Map<String, Object> progress = new LinkedHashMap<>();
    for (InputStreamNode<?> input : graph.inputStreams()) {
      if (input instanceof RecoverableInput recoverable) {
        progress.put(input.stableKey(), recoverable.progress());
      }
    }
    Map<String, Long> snapshots = new LinkedHashMap<>();
    for (StreamNode<?> stream : graph.streams()) {
      if (stream instanceof SnapshottingStream snapshotting) {
        snapshotting.latestSnapshotTime().ifPresent(t -> snapshots.put(stream.stableKey(), t.milliseconds()));
      }
    }
    return new MetadataCheckpoint(MetadataCheckpoint.FORMAT_VERSION, graph.batchDuration().milliseconds(),
        schedule.zeroTime().milliseconds(), schedule.lastGeneratedTime().milliseconds(),
        schedule.unfinishedTimes().stream().map(Time::milliseconds).toList(), fingerprint, configuration,
        progress, snapshots);
  }

  @Override
  public void close(long deadlineNanos) {
    writer.close(deadlineNanos);
  }
}

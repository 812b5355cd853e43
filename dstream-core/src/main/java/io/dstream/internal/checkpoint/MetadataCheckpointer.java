package io.dstream.internal.checkpoint;

import io.dstream.StreamingConf;
import io.dstream.Time;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.scheduler.BatchCheckpointer;
import io.dstream.internal.scheduler.BatchSchedule;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.InputNode;
import io.dstream.internal.stream.RecoverableInput;
import io.dstream.internal.stream.SnapshottingStream;
import io.dstream.internal.stream.StreamNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Takes the context's metadata checkpoints: on the job generator's event loop it captures the batch schedule,
 * every recoverable input's progress and every snapshotting stream's latest snapshot time into a
 * {@link MetadataCheckpoint} (cheap: immutable copies), and hands it to a {@link CheckpointWriter}, which
 * writes it to {@code metadata/} in the checkpoint directory on its own thread.
 */
public final class MetadataCheckpointer implements BatchCheckpointer {
  private final DStreamGraph graph;
  private final GraphFingerprint fingerprint;
  private final Map<String, String> configuration;
  private final CheckpointWriter writer;
  private final long closeTimeoutMillis;

  private MetadataCheckpointer(DStreamGraph graph, StreamingConf conf, CheckpointWriter writer,
      long closeTimeoutMillis) {
    this.graph = graph;
    this.fingerprint = GraphFingerprint.of(graph);
    this.configuration = Map.copyOf(conf.getAll());
    this.writer = writer;
    this.closeTimeoutMillis = closeTimeoutMillis;
  }

  /**
   * Creates the checkpointer of a context whose graph is complete.
   *
   * @param directory the checkpoint directory
   * @param graph the graph
   * @param conf the configuration, recorded for information
   * @param serializer serializes the checkpoints
   * @param closeTimeoutMillis how long {@link #close()} waits for the last write
   * @return the checkpointer; its writer thread starts with the first checkpoint
   * @throws IllegalStateException if the metadata directory cannot be created; the message names it
   */
  public static MetadataCheckpointer create(CheckpointDirectory directory, DStreamGraph graph, StreamingConf conf,
      Serializer serializer, long closeTimeoutMillis) {
    try {
      CheckpointWriter writer = new CheckpointWriter(directory.metadata(), serializer, conf.appName());
      return new MetadataCheckpointer(graph, conf, writer, closeTimeoutMillis);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write metadata checkpoints to " + directory + ": " + e.getMessage()
          + "; make the checkpoint directory writable, or choose another one", e);
    }
  }

  @Override
  public void checkpointStart(BatchSchedule schedule) {
    try {
      writer.writeNow(capture(schedule));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot write the first metadata checkpoint: " + e.getMessage()
          + "; make the checkpoint directory writable, or choose another one", e);
    }
  }

  @Override
  public void whenWritten(Consumer<BatchSchedule> listener) {
    writer.whenWritten(checkpoint -> listener.accept(checkpoint.schedule()));
  }

  @Override
  public void checkpoint(BatchSchedule schedule) {
    writer.submit(capture(schedule));
  }

  /**
   * Captures what a checkpoint of the current moment holds. Call it on the job generator's thread.
   *
   * @param schedule where the batches stand
   * @return the checkpoint
   */
  MetadataCheckpoint capture(BatchSchedule schedule) {
    Map<String, Object> progress = new LinkedHashMap<>();
    for (InputNode<?> input : graph.inputStreams()) {
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

  /**
   * Waits until every checkpoint handed over so far has been written (or has failed to be).
   *
   * @param timeoutMillis how long to wait at most
   * @return true if nothing is left to write
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitWritten(long timeoutMillis) throws InterruptedException {
    return writer.awaitWritten(timeoutMillis);
  }

  /**
   * Returns how many checkpoints were written successfully so far.
   *
   * @return the count
   */
  public long writtenCount() {
    return writer.writtenCount();
  }

  @Override
  public void close() {
    writer.close(closeTimeoutMillis);
  }
}

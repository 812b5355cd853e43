package io.dstream.internal;

import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import io.dstream.Time;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.checkpoint.MetadataCheckpointer;
import io.dstream.internal.checkpoint.RecoveredMetadata;
import io.dstream.internal.durable.CheckpointDirectory;
import io.dstream.internal.receiver.ReceiverInputStreamNode;
import io.dstream.internal.receiver.ReceiverTracker;
import io.dstream.internal.scheduler.BatchSchedule;
import io.dstream.internal.scheduler.JobGenerator;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.InputStreamNode;
import io.dstream.internal.stream.RecoverableInput;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint side of a {@link StreamingRuntime}: the checkpoint directory, the metadata that
 * {@code getOrCreate} recovered from it, and the start of the job generator from them: afresh, or again from
 * the recovered schedule with the graph's state and the receivers' logged blocks restored.
 */
final class RuntimeCheckpoints {
  // The runtime's logger: what it logs of a start and a recovery is the context's, as users' log settings know.
  private static final Logger LOG = LoggerFactory.getLogger(StreamingRuntime.class);

  private final StreamingConf conf;
  private final DStreamGraph graph;
  private final ReceiverTracker receivers;
  private final JobGenerator generator;
  private final Serializer serializer;
  private volatile CheckpointDirectory directory;
  private volatile RecoveredMetadata recovered;
  private volatile MetadataCheckpointer checkpointer;

  RuntimeCheckpoints(StreamingConf conf, DStreamGraph graph, ReceiverTracker receivers, JobGenerator generator,
      Serializer serializer) {
    this.conf = conf;
    this.graph = graph;
    this.receivers = receivers;
    this.generator = generator;
    this.serializer = serializer;
  }

  /** See {@link StreamingRuntime#setCheckpointDirectory}. */
  void setDirectory(String path) {
    graph.checkCanDefineStreams("set the checkpoint directory");
    directory = CheckpointDirectory.open(path, conf.get(ConfigKeys.CHECKPOINT_RETAINED));
  }

  /** See {@link StreamingRuntime#recoverFromCheckpoint}. */
  boolean recover(boolean createOnError) {
    graph.checkCanDefineStreams("recover from a checkpoint");
    CheckpointDirectory from = directory;
    if (from == null) {
      throw new IllegalStateException("cannot recover: no checkpoint directory is set; call checkpoint(dir) first");
    }
    try {
      Optional<RecoveredMetadata> found = RecoveredMetadata.read(from, serializer, graph);
      if (found.isEmpty()) {
        LOG.info("The checkpoint directory {} holds no checkpoint: starting afresh", from);
        return false;
      }
      found.get().checkMatches(graph);
      recovered = found.get();
      LOG.info("Recovering from {}", recovered);
      return true;
    } catch (IllegalStateException e) {
      if (!createOnError) {
        throw e;
      }
      LOG.warn("Starting afresh ({}=true) instead of recovering: {}", ConfigKeys.CHECKPOINT_CREATE_ON_ERROR.name(),
          e.getMessage());
      return false;
    }
  }

  /**
   * Starts the job generator: without checkpoints, afresh with a metadata checkpointer, or again from the
   * recovered schedule.
   *
   * @param onStarted what runs on the generator's thread before its first tick
   * @return the time of the first batch
   */
  Time startGenerator(Runnable onStarted) {
    CheckpointDirectory to = directory;
    if (to == null) {
      return generator.start(onStarted, null);
    }
    warnAboutUnrecoverableInputs();
    RecoveredMetadata from = recovered;
    if (from != null) {
      // Streams defined after getOrCreate returned count too.
      from.checkMatches(graph);
    }
    checkpointer = MetadataCheckpointer.create(to, graph, conf, serializer);
    if (from == null) {
      return generator.start(onStarted, checkpointer);
    }
    return generator.restart(onStarted, checkpointer, from.schedule(), () -> {
      from.restoreInto(graph);
      recoverReceivedBlocks(to, from.schedule());
    });
  }

  /** Gives the blocks that receivers logged before the crash back to their batches (at least once). */
  private void recoverReceivedBlocks(CheckpointDirectory from, BatchSchedule schedule) {
    try {
      receivers.recoverFromLog(from, schedule);
    } catch (IOException e) {
      throw new IllegalStateException("cannot recover the received data from the write-ahead logs under "
          + from + ": " + e.getMessage() + "; restore the directory, or delete it to start afresh", e);
    }
  }

  private void warnAboutUnrecoverableInputs() {
    for (InputStreamNode<?> input : graph.inputStreams()) {
      if (input instanceof ReceiverInputStreamNode<?> && conf.get(ConfigKeys.RECEIVER_WAL_ENABLE)) {
        continue; // its write-ahead log gives a batch run again the blocks it took before
      }
      if (input instanceof ReceiverInputStreamNode<?>) {
        LOG.warn("{} keeps what it received in memory only: a crash loses the blocks not yet processed (set {} to "
            + "log them)", input, ConfigKeys.RECEIVER_WAL_ENABLE);
      } else if (!(input instanceof RecoverableInput)) {
        LOG.warn("{} keeps no progress in checkpoints: a batch run again after a restart takes what its source "
            + "holds then, not what it took before", input);
      }
    }
  }

  /** See {@link StreamingRuntime#batchesToRerun}. */
  List<Time> batchesToRerun() {
    RecoveredMetadata from = recovered;
    return from == null ? List.of() : generator.timesToRerun(from.schedule());
  }

  /** See {@link StreamingRuntime#recoveredSchedule}. */
  Optional<BatchSchedule> recoveredSchedule() {
    return Optional.ofNullable(recovered).map(RecoveredMetadata::schedule);
  }

  /** See {@link StreamingRuntime#checkpointer}. */
  Optional<MetadataCheckpointer> checkpointer() {
    return Optional.ofNullable(checkpointer);
  }

  /** See {@link StreamingRuntime#checkpointDirectory}. */
  Optional<CheckpointDirectory> directory() {
    return Optional.ofNullable(directory);
  }
}

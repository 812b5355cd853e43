package io.dstream.internal;

import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import io.dstream.StreamingContextState;
import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import io.dstream.internal.durable.CheckpointDirectory;
import java.util.Optional;

/**
 * The checks and steps of {@code StreamingContext.getOrCreate} once the factory has built a context: the
 * context must be new, its checkpoint directory must be the one given (it is set if the factory did not),
 * and the directory's newest intact checkpoint is read and checked against the graph. A context that fails
 * here is stopped, so that its threads do not outlive the failed call.
 */
public final class ContextRecovery {
  private ContextRecovery() {}

  /**
   * Prepares a context built by a factory to restart from the checkpoint directory, if it holds a checkpoint.
   *
   * @param runtime the context's runtime
   * @param checkpointDirectory the directory given to getOrCreate
   * @param recoveryConf recovery settings that override the context's
   * @throws IllegalStateException if the context was started or stopped, or the checkpoint cannot be restored
   * @throws IllegalArgumentException if the factory set another checkpoint directory, or it is not usable
   */
  public static void recover(StreamingRuntime runtime, String checkpointDirectory, StreamingConf recoveryConf) {
    if (runtime.state() != StreamingContextState.INITIALIZED) {
      throw new IllegalStateException("the factory given to getOrCreate returned a context that is "
          + runtime.state() + "; return a new context without starting it, and start the one getOrCreate returns");
    }
    try {
      useDirectory(runtime, checkpointDirectory);
      boolean createOnError = recoveryConf.contains(ConfigKeys.CHECKPOINT_CREATE_ON_ERROR.name())
          ? recoveryConf.get(ConfigKeys.CHECKPOINT_CREATE_ON_ERROR)
          : runtime.conf().get(ConfigKeys.CHECKPOINT_CREATE_ON_ERROR);
      runtime.recoverFromCheckpoint(createOnError);
    } catch (RuntimeException e) {
      runtime.stop(false);
      throw e;
    }
  }

  private static void useDirectory(StreamingRuntime runtime, String checkpointDirectory) {
    Location wanted = FileSystems.resolve(checkpointDirectory);
    Optional<CheckpointDirectory> set = runtime.checkpointDirectory();
    if (set.isEmpty()) {
      runtime.setCheckpointDirectory(checkpointDirectory);
    } else if (!set.get().root().equals(wanted)) {
      throw new IllegalArgumentException("the factory set the checkpoint directory " + set.get()
          + ", but getOrCreate was given " + wanted + "; give both the same directory, or leave the call to "
          + "checkpoint(dir) to getOrCreate");
    }
  }
}

package io.dstream.internal.stream;

import io.dstream.Time;
import io.dstream.checkpoint.internal.store.Checkpoint;
import io.dstream.checkpoint.internal.store.CheckpointStore;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.internal.durable.CheckpointDirectory;
import java.io.IOException;
import java.util.Optional;

/**
 * The snapshots of one {@link SnapshottingStream} in the context's checkpoint directory, one object per batch
 * time ({@code state/<streamKey>/checkpoint-<time>}): written atomically, serialized with the context's
 * serializer, checksummed, and thinned to the newest {@code dstream.checkpoint.retained} after each write. The
 * state of {@code updateStateByKey} and {@code mapWithState} is kept here, and so is what a module's stream keeps
 * across batches (dstream-ml's models).
 *
 * <p>The checkpoint directory may be set after the stream is defined, and the stream's stable key may change
 * until the context starts (a {@code name}); both are read at the first write, check or read.
 *
 * @param <S> the type of a snapshot
 */
public final class SnapshotStore<S> {
  private final StateEnvironment environment;
  private final StreamNode<?> stream;
  private final Class<S> type;
  private final String kind;
  private CheckpointStore store;

  /**
   * Creates the store; nothing is created on disk before the first write or read.
   *
   * @param environment the context's checkpoint directory and serializer
   * @param stream the stream whose snapshots these are, stored under its stable key
   * @param type the class of a snapshot: what a read accepts
   * @param kind what a snapshot is, for messages, such as {@code state snapshot}
   */
  public SnapshotStore(StateEnvironment environment, StreamNode<?> stream, Class<S> type, String kind) {
    this.environment = environment;
    this.stream = stream;
    this.type = type;
    this.kind = kind;
  }

  /**
   * Tells whether the context has a checkpoint directory to keep snapshots in.
   *
   * @return true once {@code ssc.checkpoint(directory)} was called
   */
  public boolean hasDirectory() {
    return environment.checkpointDirectory().get().isPresent();
  }

  /**
   * Writes the snapshot of a batch time, atomically, and deletes the snapshots beyond the retained number.
   *
   * @param time the batch time
   * @param snapshot the snapshot
   * @throws IOException if it cannot be written; the previous snapshots are then intact
   * @throws IllegalArgumentException if the snapshot cannot be serialized
   * @throws IllegalStateException if the context has no checkpoint directory
   */
  public synchronized void write(Time time, S snapshot) throws IOException {
    store().write(time.milliseconds(), snapshot, environment.serializer());
  }

  /**
   * Reads the snapshot of a batch time.
   *
   * @param time the batch time
   * @return the snapshot
   * @throws IOException if there is no snapshot of that time, or it cannot be read, is damaged or holds
   *     another type; the message names the file or directory
   * @throws IllegalStateException if the context has no checkpoint directory
   */
  public synchronized S read(Time time) throws IOException {
    Checkpoint checkpoint = readIntact(time);
    Object value;
    try {
      value = checkpoint.value(environment.serializer());
    } catch (CorruptDataException e) {
      throw new CorruptDataException("the " + kind + " of time " + time + " in " + store().directory()
          + " cannot be read: " + e.getMessage(), e);
    }
    if (!type.isInstance(value)) {
      throw new CorruptDataException("the " + kind + " of time " + time + " in " + store().directory()
          + " holds a " + (value == null ? "null" : value.getClass().getName()) + ", not a " + kind);
    }
    return type.cast(value);
  }

  /**
   * Checks that the snapshot of a batch time is there and its checksum matches, without deserializing it.
   *
   * @param time the batch time
   * @throws IOException if there is no snapshot of that time, or it cannot be read or is damaged; the
   *     message names the file or directory
   * @throws IllegalStateException if the context has no checkpoint directory
   */
  public synchronized void check(Time time) throws IOException {
    readIntact(time);
  }

  private Checkpoint readIntact(Time time) throws IOException {
    Optional<Checkpoint> checkpoint = store().read(time.milliseconds());
    if (checkpoint.isEmpty()) {
      throw new IOException("there is no " + kind + " of time " + time + " in " + store().directory()
          + " (it holds those of " + store().times() + " ms)");
    }
    return checkpoint.get();
  }

  private CheckpointStore store() throws IOException {
    if (store == null) {
      CheckpointDirectory directory = environment.checkpointDirectory().get().orElseThrow(() ->
          new IllegalStateException(stream + " has no checkpoint directory to keep its " + kind + "s in; call "
              + "ssc.checkpoint(directory) first"));
      store = directory.state(stream.stableKey());
    }
    return store;
  }

  @Override
  public synchronized String toString() {
    return store == null ? "the " + kind + "s of " + stream : store.directory().toString();
  }
}

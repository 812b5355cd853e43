package io.dstream.internal.state;

import io.dstream.Time;
import io.dstream.checkpoint.internal.store.Checkpoint;
import io.dstream.checkpoint.internal.store.CheckpointStore;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.durable.CheckpointDirectory;
import java.io.IOException;
import java.util.Optional;

/**
 * The state snapshots of one stateful stream in the context's checkpoint directory
 * ({@code state/<streamKey>/checkpoint-<time>}): written by batch time, serialized with the context's
 * serializer, checksummed, and thinned to the newest {@code dstream.checkpoint.retained} after each write.
 */
public final class StateSnapshotStore {
  private final CheckpointDirectory directory;
  private final String streamKey;
  private final Serializer serializer;
  private CheckpointStore store;

  /**
   * Creates the store; nothing is created on disk before the first write or read.
   *
   * @param directory the context's checkpoint directory
   * @param streamKey the stream's stable key
   * @param serializer the context's serializer
   */
  public StateSnapshotStore(CheckpointDirectory directory, String streamKey, Serializer serializer) {
    this.directory = directory;
    this.streamKey = streamKey;
    this.serializer = serializer;
  }

  /**
   * Writes the snapshot of a batch time, atomically, and deletes the snapshots beyond the retained number.
   *
   * @param time the batch time
   * @param snapshot the state
   * @throws IOException if it cannot be written; the previous snapshots are then intact
   * @throws IllegalArgumentException if a key or state cannot be serialized
   */
  public synchronized void write(Time time, StateSnapshot snapshot) throws IOException {
    store().write(time.milliseconds(), snapshot, serializer);
  }

  /**
   * Reads the snapshot of a batch time.
   *
   * @param time the batch time
   * @return the state
   * @throws IOException if there is no snapshot of that time, or it cannot be read or is damaged; the
   *     message names the file or directory
   */
  public synchronized StateSnapshot read(Time time) throws IOException {
    Checkpoint checkpoint = readIntact(time);
    Object value;
    try {
      value = checkpoint.value(serializer);
    } catch (CorruptDataException e) {
      throw new CorruptDataException("the state snapshot of time " + time + " in " + store().directory()
          + " cannot be read: " + e.getMessage(), e);
    }
    if (!(value instanceof StateSnapshot snapshot)) {
      throw new CorruptDataException("the state snapshot of time " + time + " in " + store().directory()
          + " holds a " + (value == null ? "null" : value.getClass().getName()) + ", not a state snapshot");
    }
    return snapshot;
  }

  /**
   * Checks that the snapshot of a batch time is there and its checksum matches, without deserializing it.
   *
   * @param time the batch time
   * @throws IOException if there is no snapshot of that time, or it cannot be read or is damaged; the
   *     message names the file or directory
   */
  public synchronized void check(Time time) throws IOException {
    readIntact(time);
  }

  private Checkpoint readIntact(Time time) throws IOException {
    Optional<Checkpoint> checkpoint = store().read(time.milliseconds());
    if (checkpoint.isEmpty()) {
      throw new IOException("there is no state snapshot of time " + time + " in " + store().directory()
          + " (it holds those of " + store().times() + " ms)");
    }
    return checkpoint.get();
  }

  private CheckpointStore store() throws IOException {
    if (store == null) {
      store = directory.state(streamKey);
    }
    return store;
  }

  @Override
  public String toString() {
    return directory + "/state/" + streamKey;
  }
}

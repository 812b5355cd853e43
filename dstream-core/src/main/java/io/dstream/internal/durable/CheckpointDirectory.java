package io.dstream.internal.durable;

import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.store.CheckpointStore;
import java.io.IOException;

/**
 * The checkpoint directory of a context ({@code ssc.checkpoint(dir)}) and where each kind of durable data
 * lives under it: the context's metadata checkpoints, each stateful stream's state snapshots, and the
 * write-ahead logs. One place decides the layout, so recovery finds what was written.
 *
 * @param root the directory
 * @param retained how many checkpoints of each kind are kept ({@code dstream.checkpoint.retained})
 */
public record CheckpointDirectory(Location root, int retained) {

  /**
   * Resolves a directory given by the user and checks that checkpoints can be written there.
   *
   * @param directory a path or URI such as {@code /tmp/ckpt}, {@code file:/tmp/ckpt} or {@code memory://test/ckpt}
   * @param retained how many checkpoints of each kind to keep
   * @return the checkpoint directory
   * @throws IllegalArgumentException if the scheme is unknown or the directory is not writable; the message
   *     names the directory and says what to do
   */
  public static CheckpointDirectory open(String directory, int retained) {
    Location root = FileSystems.resolve(directory);
    CheckpointDirectory checkpoints = new CheckpointDirectory(root, retained);
    try {
      checkpoints.metadata().verifyWritable();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot use " + directory + " as the checkpoint directory: "
          + e.getMessage(), e);
    }
    return checkpoints;
  }

  /**
   * Returns the store of the context's metadata checkpoints (pending batches, input progress).
   *
   * @return the store under {@code metadata/}
   * @throws IOException if the directory cannot be created
   */
  public CheckpointStore metadata() throws IOException {
    return new CheckpointStore(root.child("metadata"), retained);
  }

  /**
   * Returns the store of one stateful stream's state snapshots, by batch time.
   *
   * @param streamKey the stream's stable key (its id in creation order, or its name)
   * @return the store under {@code state/<streamKey>/}
   * @throws IOException if the directory cannot be created
   */
  public CheckpointStore state(String streamKey) throws IOException {
    return new CheckpointStore(root.child("state").child(streamKey), retained);
  }

  /**
   * Returns the directory of one receiver stream's write-ahead log.
   *
   * @param streamKey the stream's stable key
   * @return the location {@code wal/<streamKey>/}
   */
  public Location writeAheadLog(String streamKey) {
    return root.child("wal").child(streamKey);
  }

  @Override
  public String toString() {
    return root.toString();
  }
}

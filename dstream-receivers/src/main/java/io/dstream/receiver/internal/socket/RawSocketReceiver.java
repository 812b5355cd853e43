package io.dstream.receiver.internal.socket;

import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.storage.StorageLevel;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.function.BooleanSupplier;

/**
 * Receives blocks that a TCP server sends already serialized: each frame is a 4-byte big-endian length
 * followed by that many bytes, the project serializer's form of a {@code Collection} of records. Each frame
 * is stored as one block, as {@code store(Iterator)} does. What {@code ssc.rawSocketStream(...)} runs. A
 * malformed frame (a length out of range, a stream that ends inside a frame, bytes that do not deserialize
 * to a collection) makes the receiver restart, since the stream can no longer be trusted.
 *
 * @param <T> the type of the records
 */
public final class RawSocketReceiver<T> extends AbstractSocketReceiver<T> {
  /** The default largest frame: 64 MiB. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 64 << 20;

  private final Serializer serializer;
  private final int maxFrameBytes;

  /**
   * Creates the receiver.
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @param storageLevel where the received blocks are kept
   * @param serializer reads the frames; configured like the sender's
   * @param maxFrameBytes the largest frame accepted, in bytes
   * @throws IllegalArgumentException if the serializer is null, the maximum is not positive, the host is
   *     blank, the port is out of range or the level keeps nothing
   */
  public RawSocketReceiver(String host, int port, StorageLevel storageLevel, Serializer serializer,
      int maxFrameBytes) {
    super(host, port, storageLevel);
    if (serializer == null) {
      throw new IllegalArgumentException("the serializer of a raw socket receiver must not be null");
    }
    if (maxFrameBytes < 1) {
      throw new IllegalArgumentException("the largest frame must be at least 1 byte, got " + maxFrameBytes);
    }
    this.serializer = serializer;
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  protected void receive(InputStream in, BooleanSupplier open) throws IOException {
    DataInputStream frames = new DataInputStream(new BufferedInputStream(in, 64 * 1024));
    for (long frame = 0; open.getAsBoolean(); frame++) {
      int first = frames.read();
      if (first < 0) {
        return;
      }
      int length = (first << 24) | readBytes(frames, 3, frame, "its length");
      if (length < 0 || length > maxFrameBytes) {
        throw new IOException("frame " + frame + " from " + address() + " announces " + length + " bytes; a "
            + "frame holds 1 to " + maxFrameBytes + " bytes (is the server sending length-prefixed "
            + "serialized blocks?)");
      }
      // readNBytes grows its buffer as bytes arrive: a bogus length cannot allocate it all at once.
      byte[] payload = frames.readNBytes(length);
      if (payload.length < length) {
        throw new EOFException("frame " + frame + " from " + address() + " ends after " + payload.length
            + " of its " + length + " bytes");
      }
      store(records(payload, frame).iterator());
    }
  }

  private Collection<T> records(byte[] payload, long frame) throws IOException {
    Object block;
    try {
      block = serializer.deserialize(payload);
    } catch (CorruptDataException e) {
      throw new CorruptDataException("frame " + frame + " from " + address() + ": " + e.getMessage(), e);
    }
    if (!(block instanceof Collection<?>)) {
      throw new IOException("frame " + frame + " from " + address() + " holds "
          + (block == null ? "null" : "a " + block.getClass().getName()) + ", not a collection of records");
    }
    @SuppressWarnings("unchecked")
    Collection<T> records = (Collection<T>) block;
    return records;
  }

  /** Reads {@code count} more bytes of a big-endian int. */
  private int readBytes(DataInputStream in, int count, long frame, String what) throws IOException {
    int value = 0;
    for (int i = 0; i < count; i++) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("frame " + frame + " from " + address() + " ends inside " + what);
      }
      value = (value << 8) | b;
    }
    return value;
  }
}

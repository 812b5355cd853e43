package io.dstream.checkpoint.internal.serializer;

import io.dstream.checkpoint.internal.FrameReader;
import io.dstream.checkpoint.internal.FrameResult;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Reads back, one by one, the objects that an {@link ObjectWriter} wrote. Every frame's checksum is
 * verified, so a corrupt or truncated stream ends in a {@link CorruptDataException} that names the record,
 * never in a wrong object. Not thread-safe.
 *
 * <pre>{@code
 * try (ObjectReader reader = new ObjectReader(serializer, Files.newInputStream(file))) {
 *   while (reader.hasNext()) {
 *     Order order = reader.read();
 *   }
 * }
 * }</pre>
 */
public final class ObjectReader implements Closeable {
  private static final int HEADER_BYTES = 4;

  private final Serializer serializer;
  private final FrameReader frames;
  private long read;

  /**
   * Opens a stream: reads and checks its header.
   *
   * @param serializer turns each frame's bytes back into an object; configured like the writer's
   * @param in the stream; closed by {@link #close()}
   * @throws CorruptDataException if the stream is empty or does not start with the object-stream header
   * @throws IOException if reading fails
   */
  public ObjectReader(Serializer serializer, InputStream in) throws IOException {
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    InputStream buffered = new BufferedInputStream(Objects.requireNonNull(in, "in"));
    byte[] header = buffered.readNBytes(HEADER_BYTES);
    if (header.length < HEADER_BYTES) {
      throw new CorruptDataException("not an object stream: it ends before its 4-byte header");
    }
    int magic = ByteBuffer.wrap(header).getInt();
    if (magic != ObjectStreamFormat.MAGIC) {
      throw new CorruptDataException(String.format(
          "not an object stream: the header is 0x%08X where 0x%08X was expected; was it written by an "
              + "ObjectWriter (saveAsObjectFiles)?", magic, ObjectStreamFormat.MAGIC));
    }
    this.frames = new FrameReader(buffered, HEADER_BYTES);
  }

  /**
   * Tells whether another object follows.
   *
   * @return false at the end of the stream
   * @throws IOException if reading fails
   */
  public boolean hasNext() throws IOException {
    return frames.hasMore();
  }

  /**
   * Reads the next object.
   *
   * @param <T> the expected type (unchecked)
   * @return the object (null if null was written)
   * @throws NoSuchElementException if the stream has no more objects
   * @throws CorruptDataException if the record is truncated, its checksum does not match, or its bytes
   *     cannot be deserialized; the message gives the record's index (from 0)
   * @throws IOException if reading fails
   */
  public <T> T read() throws IOException {
    long index = read;
    FrameResult frame = frames.next();
    if (frame instanceof FrameResult.Damaged damaged) {
      throw new CorruptDataException("record " + index + " is " + damaged.describe());
    }
    if (!(frame instanceof FrameResult.Frame good)) {
      throw new NoSuchElementException("the object stream has no more records after " + index
          + "; call hasNext() before read()");
    }
    T value;
    try {
      value = serializer.deserialize(good.payload());
    } catch (CorruptDataException e) {
      throw new CorruptDataException("record " + index + ": " + e.getMessage(), e);
    }
    read++;
    return value;
  }

  /**
   * Reads every remaining object.
   *
   * @param <T> the expected type (unchecked)
   * @return a new mutable list
   * @throws CorruptDataException if a record is truncated or corrupt
   * @throws IOException if reading fails
   */
  public <T> List<T> readAll() throws IOException {
    List<T> all = new ArrayList<>();
    while (hasNext()) {
      all.add(read());
    }
    return all;
  }

  /**
   * Closes the underlying stream.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    frames.close();
  }
}

package io.dstream.checkpoint.internal.serializer;

import io.dstream.checkpoint.internal.Frames;
import io.dstream.checkpoint.serializer.Serializer;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes many objects to one stream, one after the other, each in its own checksummed frame; read them back
 * with an {@link ObjectReader}. Not thread-safe: one writer per stream and thread.
 *
 * <pre>{@code
 * try (ObjectWriter writer = new ObjectWriter(serializer, Files.newOutputStream(file))) {
 *   for (Order order : orders) {
 *     writer.write(order);
 *   }
 * }
 * }</pre>
 */
public final class ObjectWriter implements Closeable {
  private final Serializer serializer;
  private final DataOutputStream out;
  private long written;

  /**
   * Starts a stream: writes its header.
   *
   * @param serializer turns each object into bytes
   * @param out where to write; closed by {@link #close()}
   * @throws IOException if the header cannot be written
   */
  public ObjectWriter(Serializer serializer, OutputStream out) throws IOException {
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    this.out = new DataOutputStream(new BufferedOutputStream(Objects.requireNonNull(out, "out")));
    this.out.writeInt(ObjectStreamFormat.MAGIC);
  }

  /**
   * Appends one object (null allowed).
   *
   * @param value the object
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if the object cannot be serialized
   */
  public void write(Object value) throws IOException {
    Frames.write(out, serializer.serialize(value));
    written++;
  }

  /**
   * Returns how many objects have been written.
   *
   * @return the count
   */
  public long count() {
    return written;
  }

  /**
   * Pushes buffered bytes to the underlying stream.
   *
   * @throws IOException if writing fails
   */
  public void flush() throws IOException {
    out.flush();
  }

  /**
   * Flushes and closes the underlying stream.
   *
   * @throws IOException if writing or closing fails
   */
  @Override
  public void close() throws IOException {
    out.close();
  }
}

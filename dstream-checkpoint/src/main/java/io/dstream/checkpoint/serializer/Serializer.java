package io.dstream.checkpoint.serializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Turns objects into bytes and back: what checkpoints, the write-ahead log, serialized storage levels and
 * object files store. Implementations are thread-safe. dstream's own is backed by Kryo; applications add
 * their classes to it with a {@link KryoRegistrator}.
 *
 * <p>Bytes written by one serializer can be read only by a serializer with the same configuration (the
 * same registrations, in the same order).
 *
 * <pre>{@code
 * byte[] bytes = serializer.serialize(List.of(1, 2, 3));
 * List<Integer> back = serializer.deserialize(bytes);
 * }</pre>
 */
public interface Serializer {
  /**
   * Serializes one object (null allowed) with its class, so {@link #deserialize(byte[])} needs no type.
   *
   * @param value the object
   * @return its serialized form
   * @throws IllegalArgumentException if the object cannot be serialized, for example because its class is
   *     not registered and registration is required; the message names the class
   */
  byte[] serialize(Object value);

  /**
   * Reads back one object written by {@link #serialize(Object)}.
   *
   * @param bytes exactly the bytes of one serialized object
   * @param <T> the expected type (unchecked)
   * @return the object, or null if null was serialized
   * @throws CorruptDataException if the bytes are corrupt, truncated, have trailing garbage, or were written
   *     with different registrations
   */
  <T> T deserialize(byte[] bytes) throws CorruptDataException;

  /**
   * Returns a deep copy of an object, made without going through bytes.
   *
   * @param value the object
   * @param <T> its type
   * @return an independent copy (immutable values such as strings may be returned as they are)
   * @throws IllegalArgumentException if the object cannot be copied
   */
  <T> T copy(T value);

  /**
   * Writes one object to a stream, which then holds exactly that object; the stream is not closed.
   *
   * @param value the object
   * @param out where to write
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if the object cannot be serialized
   */
  default void serialize(Object value, OutputStream out) throws IOException {
    out.write(serialize(value));
    out.flush();
  }

  /**
   * Reads one object from a stream written by {@link #serialize(Object, OutputStream)}, reading it to its
   * end; the stream is not closed.
   *
   * @param in the stream
   * @param <T> the expected type (unchecked)
   * @return the object
   * @throws CorruptDataException if the stream's bytes are not one serialized object
   * @throws IOException if reading fails
   */
  default <T> T deserialize(InputStream in) throws IOException {
    return deserialize(in.readAllBytes());
  }
}

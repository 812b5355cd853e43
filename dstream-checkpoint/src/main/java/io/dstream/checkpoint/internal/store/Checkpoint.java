package io.dstream.checkpoint.internal.store;

import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;

/**
 * One checkpoint read back from a {@link CheckpointStore}: its time and its payload, whose checksum has
 * been verified.
 */
public final class Checkpoint {
  private final long timeMs;
  private final byte[] payload;

  Checkpoint(long timeMs, byte[] payload) {
    this.timeMs = timeMs;
    this.payload = payload;
  }

  /**
   * Returns the time the checkpoint was written for.
   *
   * @return milliseconds, as given to {@link CheckpointStore#write(long, byte[])}
   */
  public long timeMs() {
    return timeMs;
  }

  /**
   * Returns the payload: exactly the bytes that were written. The array is not copied; do not modify it.
   *
   * @return the bytes
   */
  public byte[] payload() {
    return payload;
  }

  /**
   * Deserializes the payload, written by {@link CheckpointStore#write(long, Object, Serializer)}.
   *
   * @param serializer a serializer configured like the writer's
   * @param <T> the expected type (unchecked)
   * @return the object
   * @throws CorruptDataException if the payload is not an object of that serializer (for example, it was
   *     written with other registrations)
   */
  public <T> T value(Serializer serializer) throws CorruptDataException {
    return serializer.deserialize(payload);
  }

  /**
   * Describes the checkpoint.
   *
   * @return its time and size
   */
  @Override
  public String toString() {
    return "Checkpoint(time " + timeMs + " ms, " + payload.length + " bytes)";
  }
}

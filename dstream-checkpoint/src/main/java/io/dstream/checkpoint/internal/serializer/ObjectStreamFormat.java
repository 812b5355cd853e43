package io.dstream.checkpoint.internal.serializer;

import io.dstream.checkpoint.serializer.Serializer;

/**
 * The layout of an object stream, shared by {@link ObjectWriter} and {@link ObjectReader}: a four-byte
 * header, then one {@link io.dstream.checkpoint.internal.Frames frame} per object, holding the bytes that
 * {@link Serializer#serialize(Object)} produced. The frame's checksum lets a reader tell a corrupt record
 * from a bug in a class's serialization, and its length lets it tell a truncated stream from a complete one.
 */
final class ObjectStreamFormat {
  /** "DSO1": dstream object stream, format version 1. */
  static final int MAGIC = 0x44534F31;

  private ObjectStreamFormat() {}
}

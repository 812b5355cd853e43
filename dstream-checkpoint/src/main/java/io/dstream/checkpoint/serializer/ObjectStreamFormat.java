package io.dstream.checkpoint.serializer;

import java.util.zip.CRC32C;

/**
 * The framing of an object stream, shared by {@link ObjectWriter} and {@link ObjectReader}: a four-byte
 * header, then one frame per object: its length (int), the CRC32C of its bytes (int), and the bytes that
 * {@link Serializer#serialize(Object)} produced. The checksum lets a reader tell a corrupt record from a
 * bug in a class's serialization, and the length lets it tell a truncated stream from a complete one.
 */
final class ObjectStreamFormat {
  /** "DSO1": dstream object stream, format version 1. */
  static final int MAGIC = 0x44534F31;

  private ObjectStreamFormat() {}

  static int checksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length);
    return (int) crc.getValue();
  }
}

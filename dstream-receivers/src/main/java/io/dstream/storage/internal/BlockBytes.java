package io.dstream.storage.internal;

import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The serialized form of a block of records, in memory and on disk. A block whose records are all strings
 * (what text receivers make) is written in bulk: a count, then each string's length and its characters, one
 * byte each if they are ASCII, two otherwise; no class name or back-reference per record, which is what the
 * serializer spends most of its time on for such blocks (it tracks every object it writes, to keep shared
 * references shared). Any other block is the serializer's bytes. The first byte tells which.
 */
final class BlockBytes {
  private static final byte SERIALIZED = 0;
  private static final byte STRINGS = 1;
  private static final int MAX_VARINT_BYTES = 5;

  private BlockBytes() {}

  /**
   * Serializes a block's records.
   *
   * @param records the records
   * @param serializer serializes a block that is not all strings
   * @return the bytes
   * @throws IllegalArgumentException if a record cannot be serialized
   */
  static byte[] encode(List<?> records, Serializer serializer) {
    long asciiBytes = 1 + MAX_VARINT_BYTES;
    for (Object record : records) {
      if (!(record instanceof String text)) {
        return serialized(records, serializer);
      }
      asciiBytes += MAX_VARINT_BYTES + text.length();
    }
    if (records.isEmpty() || asciiBytes > Integer.MAX_VALUE - 16) {
      return serialized(records, serializer);
    }
    byte[] out = new byte[(int) asciiBytes];
    out[0] = STRINGS;
    int position = writeVarint(out, 1, records.size());
    for (Object record : records) {
      String text = (String) record;
      int length = text.length();
      out = ensureRoom(out, position, MAX_VARINT_BYTES + (long) length);
      int header = position;
      position = writeVarint(out, header, length << 1);
      int end = writeAscii(text, out, position);
      if (end >= 0) {
        position = end;
      } else {
        out = ensureRoom(out, position, 2L * length);
        writeVarint(out, header, length << 1 | 1);
        position = writeChars(text, out, position);
      }
    }
    return Arrays.copyOf(out, position);
  }

  /**
   * Reads a block's records.
   *
   * @param bytes what {@link #encode} wrote
   * @param serializer reads a block that is not all strings
   * @param <T> the records' type (unchecked)
   * @return the records
   * @throws CorruptDataException if the bytes are not a block
   */
  static <T> List<T> decode(byte[] bytes, Serializer serializer) throws CorruptDataException {
    if (bytes.length == 0) {
      throw new CorruptDataException("a serialized block is empty; at least its format byte was expected");
    }
    if (bytes[0] == SERIALIZED) {
      return serializer.deserialize(Arrays.copyOfRange(bytes, 1, bytes.length));
    }
    if (bytes[0] != STRINGS) {
      throw new CorruptDataException("a serialized block starts with the unknown format byte " + bytes[0]
          + "; the data is corrupt");
    }
    try {
      return decodeStrings(bytes);
    } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new CorruptDataException("a block of strings of " + bytes.length + " bytes is truncated or corrupt: "
          + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> decodeStrings(byte[] bytes) throws CorruptDataException {
    int[] position = {1};
    int count = readVarint(bytes, position);
    if (count < 0 || count > bytes.length) {
      throw new CorruptDataException("a block of strings of " + bytes.length + " bytes claims " + count
          + " strings; the data is corrupt");
    }
    List<Object> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int header = readVarint(bytes, position);
      int length = header >>> 1;
      int start = position[0];
      if ((header & 1) == 0) {
        Objects.checkFromIndexSize(start, length, bytes.length);
        records.add(new String(bytes, start, length, StandardCharsets.ISO_8859_1));
        position[0] = start + length;
      } else {
        Objects.checkFromIndexSize(start, 2 * length, bytes.length);
        char[] chars = new char[length];
        for (int c = 0; c < length; c++) {
          chars[c] = (char) ((bytes[start + 2 * c] & 0xFF) << 8 | bytes[start + 2 * c + 1] & 0xFF);
        }
        records.add(new String(chars));
        position[0] = start + 2 * length;
      }
    }
    if (position[0] != bytes.length) {
      throw new CorruptDataException("a block of " + count + " strings ended after " + position[0] + " of its "
          + bytes.length + " bytes; the data is corrupt");
    }
    return (List<T>) records;
  }

  private static byte[] serialized(List<?> records, Serializer serializer) {
    byte[] body = serializer.serialize(records);
    byte[] out = new byte[body.length + 1];
    out[0] = SERIALIZED;
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }

  /** Writes a string's characters as bytes if all are ASCII; returns the end, or -1 if one is not. */
  private static int writeAscii(String text, byte[] out, int position) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return -1;
      }
      out[position + i] = (byte) c;
    }
    return position + length;
  }

  private static int writeChars(String text, byte[] out, int position) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      out[position + 2 * i] = (byte) (c >>> 8);
      out[position + 2 * i + 1] = (byte) c;
    }
    return position + 2 * length;
  }

  /** Makes room for {@code needed} bytes at {@code position}: more than reserved once a string was not ASCII. */
  private static byte[] ensureRoom(byte[] out, int position, long needed) {
    long required = position + needed;
    if (required <= out.length) {
      return out;
    }
    if (required > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("a block of strings of more than 2 GiB cannot be serialized");
    }
    return Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(required, 2L * out.length)));
  }

  /** Writes a non-negative int as 7 bits per byte, always in {@link #MAX_VARINT_BYTES} or fewer. */
  private static int writeVarint(byte[] out, int position, int value) {
    int rest = value;
    while ((rest & ~0x7F) != 0) {
      out[position++] = (byte) (rest & 0x7F | 0x80);
      rest >>>= 7;
    }
    out[position++] = (byte) rest;
    return position;
  }

  private static int readVarint(byte[] bytes, int[] position) throws CorruptDataException {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      byte b = bytes[position[0]++];
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new CorruptDataException("a length in a block of strings is longer than 5 bytes; the data is corrupt");
  }
}

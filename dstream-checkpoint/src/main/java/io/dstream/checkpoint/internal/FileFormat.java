package io.dstream.checkpoint.internal;

import io.dstream.checkpoint.serializer.CorruptDataException;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The header that starts a dstream file: a magic number that says which kind of file it is, then the
 * version of that kind's format. A reader refuses a file of another kind, and a file written in a format
 * version it does not know, instead of misreading it.
 *
 * @param description what the file is, for messages (for example "checkpoint file")
 * @param magic the kind's magic number
 * @param version the format version that this code writes and reads
 */
public record FileFormat(String description, int magic, int version) {
  /** The length of the header: magic and version. */
  public static final int HEADER_BYTES = 8;

  /**
   * Checks the fields.
   *
   * @param description what the file is, for messages
   * @param magic the kind's magic number
   * @param version the format version that this code writes and reads
   * @throws NullPointerException if the description is null
   */
  public FileFormat {
    Objects.requireNonNull(description, "description");
  }

  /**
   * Writes the header.
   *
   * @param out where to write
   * @throws IOException if writing fails
   */
  public void writeHeader(DataOutput out) throws IOException {
    out.write(header());
  }

  /**
   * Returns the header's bytes.
   *
   * @return the magic number, then the version
   */
  public byte[] header() {
    return ByteBuffer.allocate(HEADER_BYTES).putInt(magic).putInt(version).array();
  }

  /**
   * Reads and checks the header at the start of a stream.
   *
   * @param in the stream, at its start
   * @return true if the header is there and valid; false if the stream ends before the whole header (a
   *     file whose creation was cut short: the caller decides whether that is an error)
   * @throws CorruptDataException if the magic number is not this format's (the message says what was
   *     found), or the version is not the one this code reads
   * @throws IOException if reading fails
   */
  public boolean readHeader(InputStream in) throws IOException {
    byte[] header = in.readNBytes(HEADER_BYTES);
    if (header.length < HEADER_BYTES) {
      return false;
    }
    ByteBuffer fields = ByteBuffer.wrap(header);
    int foundMagic = fields.getInt();
    int foundVersion = fields.getInt();
    if (foundMagic != magic) {
      throw new CorruptDataException(String.format("not a %s: its header starts with 0x%08X where 0x%08X "
          + "was expected", description, foundMagic, magic));
    }
    if (foundVersion != version) {
      throw new CorruptDataException("unsupported " + description + " format version " + foundVersion
          + ": this version of dstream reads only version " + version + "; read it with the dstream "
          + "version that wrote it");
    }
    return true;
  }
}

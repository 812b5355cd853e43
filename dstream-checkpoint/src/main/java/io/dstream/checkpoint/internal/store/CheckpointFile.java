package io.dstream.checkpoint.internal.store;

import io.dstream.checkpoint.internal.FileFormat;
import io.dstream.checkpoint.internal.FrameReader;
import io.dstream.checkpoint.internal.FrameResult;
import io.dstream.checkpoint.internal.Frames;
import io.dstream.checkpoint.serializer.CorruptDataException;
import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name and layout of one checkpoint file: {@code checkpoint-<time in ms>}, holding a {@link FileFormat}
 * header, then one {@link Frames frame} with the payload, and nothing after it.
 */
final class CheckpointFile {
  /** "DSCP": dstream checkpoint. */
  static final FileFormat FORMAT = new FileFormat("checkpoint file", 0x44534350, 1);

  private static final String PREFIX = "checkpoint-";
  private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d{1,19})");

  private CheckpointFile() {}

  static String nameFor(long timeMs) {
    return PREFIX + timeMs;
  }

  /** Returns the time of a checkpoint file's name, or empty if the name is not one of a checkpoint file. */
  static OptionalLong timeOf(String name) {
    Matcher matcher = NAME.matcher(name);
    if (!matcher.matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(matcher.group(1)));
    } catch (NumberFormatException tooLarge) {
      return OptionalLong.empty();
    }
  }

  /** Writes a whole checkpoint file; leaves the stream open. */
  static void write(OutputStream out, byte[] payload) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    FORMAT.writeHeader(data);
    Frames.write(data, payload);
    data.flush();
  }

  /**
   * Returns the payload of a checkpoint file's bytes.
   *
   * @throws CorruptDataException saying what is wrong, if the bytes are not a whole, intact checkpoint file
   */
  static byte[] payloadOf(byte[] file) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(file);
    if (!FORMAT.readHeader(in)) {
      throw new CorruptDataException("it is truncated: its " + file.length + " bytes end inside its "
          + FileFormat.HEADER_BYTES + "-byte header");
    }
    FrameReader frames = new FrameReader(in, FileFormat.HEADER_BYTES);
    FrameResult payload = frames.next();
    if (payload instanceof FrameResult.Damaged damaged) {
      throw new CorruptDataException("its payload is " + damaged.describe());
    }
    if (!(payload instanceof FrameResult.Frame frame)) {
      throw new CorruptDataException("it is truncated: it ends right after its header");
    }
    if (frames.hasMore()) {
      throw new CorruptDataException("it is corrupt: " + (file.length - frames.position())
          + " unexpected bytes follow its payload");
    }
    return frame.payload();
  }
}

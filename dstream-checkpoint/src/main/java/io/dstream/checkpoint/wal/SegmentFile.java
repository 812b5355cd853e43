package io.dstream.checkpoint.wal;

import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.FileFormat;
import io.dstream.checkpoint.internal.FrameResult;
import io.dstream.checkpoint.serializer.CorruptDataException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The layout of a segment file: a {@link FileFormat} header, then one {@link RecordFrames frame} per record,
 * whose payload is the record's time (8 bytes) followed by its bytes. Format version 2 added a checksum to
 * each frame's header; segments of version 1 are refused with a message that says what to do.
 */
final class SegmentFile {
  /** "DSWL": dstream write-ahead log. */
  static final FileFormat FORMAT = new FileFormat("write-ahead log segment", 0x4453574C, 2);

  private static final int TIME_BYTES = Long.BYTES;

  private SegmentFile() {}

  /** The records of a segment, and the torn frame that ends it, if any (null if none). */
  record Contents(List<LogRecord> records, FrameResult.Damaged tornTail) {}

  static byte[] frameOf(long timeMs, byte[] data) {
    return RecordFrames.encode(ByteBuffer.allocate(TIME_BYTES + data.length).putLong(timeMs).put(data).array());
  }

  /**
   * Reads every record of a segment. A frame cut short at the end of the segment is the trace of a crash in
   * the middle of a write (see {@link RecordFrames} for how it is told from damage): the records before it
   * are returned with it as the torn tail.
   *
   * @throws CorruptDataException if the segment is damaged anywhere else
   */
  static Contents read(Location segment) throws IOException {
    try (InputStream in = new BufferedInputStream(segment.fileSystem().open(segment.path()))) {
      if (!readHeader(in, segment)) {
        return new Contents(List.of(), new FrameResult.Damaged(0, FrameResult.Damage.TRUNCATED,
            "the segment ends inside its " + FileFormat.HEADER_BYTES + "-byte file header", true));
      }
      RecordFrames frames = new RecordFrames(in, FileFormat.HEADER_BYTES);
      List<LogRecord> records = new ArrayList<>();
      while (true) {
        FrameResult next = frames.next();
        if (next instanceof FrameResult.End) {
          return new Contents(records, null);
        }
        if (next instanceof FrameResult.Damaged damaged) {
          if (damaged.isTornTail()) {
            return new Contents(records, damaged);
          }
          throw new CorruptDataException("the write-ahead log segment " + segment + " is corrupt at offset "
              + damaged.offset() + ": the record there is " + damaged.describe() + "; a write cut short by a "
              + "crash leaves nothing after it, so this is damage, and the records after it cannot be read. "
              + "Restore the log directory from a backup, or delete this segment to give up its records");
        }
        records.add(decode((FrameResult.Frame) next, segment));
      }
    }
  }

  /**
   * Reads the one record at a handle's offset.
   *
   * @throws CorruptDataException if there is no intact record there
   */
  static LogRecord readOne(Location segment, RecordHandle handle) throws IOException {
    try (InputStream in = segment.fileSystem().open(segment.path())) {
      try {
        in.skipNBytes(handle.offset());
      } catch (EOFException e) {
        throw new CorruptDataException("no record at offset " + handle.offset() + " of the write-ahead log "
            + "segment " + segment + ": the segment is shorter", e);
      }
      FrameResult found = new RecordFrames(in, handle.offset()).next();
      if (found instanceof FrameResult.Frame frame) {
        LogRecord record = decode(frame, segment);
        if (record.handle().length() != handle.length()) {
          throw new CorruptDataException("the record at offset " + handle.offset() + " of the write-ahead log "
              + "segment " + segment + " is " + record.handle().length() + " bytes long, where the handle says "
              + handle.length() + "; the handle does not belong to this log");
        }
        return record;
      }
      throw new CorruptDataException("the record at offset " + handle.offset() + " of the write-ahead log "
          + "segment " + segment + " is " + (found instanceof FrameResult.Damaged damaged ? damaged.describe()
          : "missing: the segment ends there"));
    }
  }

  private static boolean readHeader(InputStream in, Location segment) throws IOException {
    try {
      return FORMAT.readHeader(in);
    } catch (CorruptDataException e) {
      throw new CorruptDataException("cannot read " + segment + ": " + e.getMessage() + ". To process its "
          + "records, recover with the version of dstream that wrote it; or delete the segment to give them up", e);
    }
  }

  private static LogRecord decode(FrameResult.Frame frame, Location segment) throws CorruptDataException {
    byte[] payload = frame.payload();
    if (payload.length < TIME_BYTES) {
      throw new CorruptDataException("the record at offset " + frame.offset() + " of the write-ahead log "
          + "segment " + segment + " is corrupt: its " + payload.length + " bytes are too few to hold its time");
    }
    long timeMs = ByteBuffer.wrap(payload).getLong();
    RecordHandle handle = new RecordHandle(segment.name(), frame.offset(),
        RecordFrames.HEADER_BYTES + payload.length);
    return new LogRecord(timeMs, Arrays.copyOfRange(payload, TIME_BYTES, payload.length), handle);
  }
}

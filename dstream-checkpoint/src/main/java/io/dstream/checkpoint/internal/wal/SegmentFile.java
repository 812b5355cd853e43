package io.dstream.checkpoint.internal.wal;

import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.FileFormat;
import io.dstream.checkpoint.internal.FrameResult;
import io.dstream.checkpoint.serializer.CorruptDataException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
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
   * Reads every record of a segment. A frame torn at the end of the segment is the trace of a crash in the
   * middle of a write (see {@link RecordFrames} for how it is told from damage): the records before it are
   * returned with it as the torn tail. So is a segment shorter than its file header, or of only zero bytes
   * (as few as one write can leave): it was created, but its header had not reached the disk.
   *
   * @throws CorruptDataException if the segment is damaged anywhere else
   */
  static Contents read(Location segment) throws IOException {
    try (InputStream in = new BufferedInputStream(segment.fileSystem().open(segment.path()))) {
      FrameResult.Damaged tornHeader = readHeader(in, segment);
      if (tornHeader != null) {
        return new Contents(List.of(), tornHeader);
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
              + damaged.offset() + ": the record there is " + damaged.describe() + "; a crash tears only the "
              + "end of the last write, so this is damage, and the records from there on cannot be read. "
              + "Restore the log directory from a backup; or cut the segment to its first " + damaged.offset()
              + " bytes to give up the records from there, or delete this segment to give up all its records");
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

  /**
   * Reads and checks the file header.
   *
   * @return null if the header is valid; the torn end if the segment was created but its header never
   *     reached the disk (it is shorter than the header, or holds only zero bytes, as few as the last write
   *     can leave)
   * @throws CorruptDataException if it is not a segment, or one of another format version
   */
  private static FrameResult.Damaged readHeader(InputStream in, Location segment) throws IOException {
    byte[] header = in.readNBytes(FileFormat.HEADER_BYTES);
    if (header.length < FileFormat.HEADER_BYTES) {
      return new FrameResult.Damaged(0, FrameResult.Damage.TRUNCATED, "the segment ends inside its "
          + FileFormat.HEADER_BYTES + "-byte file header", true);
    }
    if (ByteBuffer.wrap(header).getLong() == 0) {
      long zeros = RecordFrames.zerosToEnd(in, RecordFrames.ZERO_TAIL_BYTES);
      if (zeros >= 0) {
        return new FrameResult.Damaged(0, FrameResult.Damage.TRUNCATED, "the segment holds only "
            + (FileFormat.HEADER_BYTES + zeros) + " zero bytes: it was created, but its file header had not "
            + "reached the disk", true);
      }
    }
    try {
      FORMAT.readHeader(new ByteArrayInputStream(header));
      return null;
    } catch (CorruptDataException e) {
      boolean otherKind = ByteBuffer.wrap(header).getInt() != FORMAT.magic();
      throw new CorruptDataException("cannot read " + segment + ": " + e.getMessage() + (otherKind
          ? ". It is damaged, or another file was put in the log's directory: restore the directory from a "
              + "backup, or move the file out of it (giving up its records, if it holds any)"
          : ". To process its records, recover with the version of dstream that wrote it; or delete the "
              + "segment to give them up"), e);
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

package io.dstream.checkpoint.internal.wal;

import io.dstream.checkpoint.fs.DurableOutputStream;
import io.dstream.checkpoint.fs.FileSystem;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.FrameResult;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link WriteAheadLog} in segment files of a directory on any {@link FileSystem}. Each record is framed
 * with its length, its CRC32C and a CRC32C of those two fields. A new segment starts when a record's time reaches the current segment's end
 * (its start plus the rotation interval), when a write fails, and whenever the log is opened, so that a
 * segment is never appended to after a crash; {@link #clean(long)} deletes whole segments.
 *
 * <p>A crash in the middle of a write leaves a torn record at the end of a segment: reading detects it (the
 * segment ends inside the record, or, after a power failure, the part of the last write that had not reached
 * the disk is zero bytes; the exact rules are in {@code RecordFrames}), logs it once at WARN and ignores it.
 * Damage anywhere else, and damage at the end that a crash cannot leave, is reported as an error naming the
 * segment and the offset; {@link #missingParts()} reports segments missing between others.
 *
 * <p><b>Durability and its cost.</b> By default every write forces its segment to durable storage (fsync)
 * before it returns, so a record whose write returned survives even a power failure. That costs one disk
 * flush per record, from a fraction of a millisecond on an SSD to several milliseconds on a spinning disk,
 * and writes are serialized through it. With {@code syncEveryWrite} off, a write returns once the operating
 * system has the bytes (they survive a crash of the process, not of the machine), and a segment is forced
 * only when it is closed; after a power failure, the records that had not reached the disk may then be
 * zero bytes beyond what reading takes for a torn end, and reading reports them as damage.
 *
 * <p>Thread-safe: writes from many threads are appended one at a time.
 */
public final class FileWriteAheadLog implements WriteAheadLog {
  private static final Logger LOG = LoggerFactory.getLogger(FileWriteAheadLog.class);

  private final Location directory;
  private final FileSystem fileSystem;
  private final long rotationIntervalMs;
  private final boolean syncEveryWrite;
  private final Set<String> reportedTornSegments = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private long nextSequence;
  private ActiveSegment active;
  private boolean closed;

  /**
   * Opens the log of a directory, forcing every write to durable storage.
   *
   * @param directory the log's directory; created if missing
   * @param rotationIntervalMs how much record time one segment covers, in milliseconds
   * @throws IllegalArgumentException if the interval is not positive
   * @throws IOException if the directory cannot be created or listed
   */
  public FileWriteAheadLog(Location directory, long rotationIntervalMs) throws IOException {
    this(directory, rotationIntervalMs, true);
  }

  /**
   * Opens the log of a directory. Segments already there are kept for reading; writes go to new ones.
   *
   * @param directory the log's directory; created if missing
   * @param rotationIntervalMs how much record time one segment covers, in milliseconds
   * @param syncEveryWrite true to force each write to durable storage before it returns (see the class
   *     documentation for the cost)
   * @throws IllegalArgumentException if the interval is not positive
   * @throws IOException if the directory cannot be created or listed
   */
  public FileWriteAheadLog(Location directory, long rotationIntervalMs, boolean syncEveryWrite)
      throws IOException {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.fileSystem = directory.fileSystem();
    if (rotationIntervalMs <= 0) {
      throw new IllegalArgumentException("the rotation interval of a write-ahead log must be positive, got "
          + rotationIntervalMs + " ms");
    }
    this.rotationIntervalMs = rotationIntervalMs;
    this.syncEveryWrite = syncEveryWrite;
    try {
      fileSystem.mkdirs(directory.path());
    } catch (IOException e) {
      throw new IOException("cannot use " + directory + " as a write-ahead log directory: " + e.getMessage(), e);
    }
    List<SegmentName> existing = segments();
    this.nextSequence = existing.isEmpty() ? 0 : existing.get(existing.size() - 1).sequence() + 1;
  }

  @Override
  public RecordHandle write(byte[] data, long timeMs) throws IOException {
    Objects.requireNonNull(data, "data");
    if (timeMs < 0) {
      throw new IllegalArgumentException("a write-ahead log record's time must be at least 0 ms, got " + timeMs);
    }
    byte[] frame = SegmentFile.frameOf(timeMs, data);
    synchronized (lock) {
      checkOpen();
      ActiveSegment segment = segmentFor(timeMs);
      long offset = segment.position;
      try {
        segment.append(frame, syncEveryWrite);
      } catch (IOException e) {
        // Appending after a partial frame would put damage in the middle of the segment; start a new one.
        abandonActive();
        throw new IOException("cannot append a record to the write-ahead log segment " + segment.location
            + ": " + e.getMessage() + "; the segment is closed, and the next write starts a new one", e);
      }
      return new RecordHandle(segment.name.fileName(), offset, frame.length);
    }
  }

  @Override
  public byte[] read(RecordHandle handle) throws IOException {
    Objects.requireNonNull(handle, "handle");
    if (SegmentName.parse(handle.segment()).isEmpty()) {
      throw new IllegalArgumentException("'" + handle.segment() + "' is not the name of a write-ahead log "
          + "segment; give a handle that write() returned");
    }
    synchronized (lock) {
      checkOpen();
    }
    Location segment = directory.child(handle.segment());
    try {
      return SegmentFile.readOne(segment, handle).data();
    } catch (NoSuchFileException e) {
      NoSuchFileException explained = new NoSuchFileException(segment.toString(), null, "the write-ahead log "
          + "segment of this record no longer exists; was it cleaned before the record was read?");
      explained.initCause(e);
      throw explained;
    }
  }

  @Override
  public List<LogRecord> readAfter(long timeMs) throws IOException {
    synchronized (lock) {
      checkOpen();
      List<LogRecord> records = new ArrayList<>();
      for (SegmentName name : segments()) {
        if (!name.mayHoldRecordsAfter(timeMs)) {
          continue;
        }
        Location segment = directory.child(name.fileName());
        SegmentFile.Contents contents = SegmentFile.read(segment);
        if (contents.tornTail() != null) {
          reportTornTail(segment, contents.tornTail());
        }
        for (LogRecord record : contents.records()) {
          if (record.timeMs() > timeMs) {
            records.add(record);
          }
        }
      }
      return records;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Segments are numbered one after the other (a number is taken only once its file is created) and
   * cleaned in that order, so a number missing between two segments that exist is a segment that was
   * deleted or lost.
   */
  @Override
  public List<String> missingParts() throws IOException {
    synchronized (lock) {
      checkOpen();
      List<String> gaps = new ArrayList<>();
      List<SegmentName> segments = segments();
      for (int i = 1; i < segments.size(); i++) {
        long before = segments.get(i - 1).sequence();
        long after = segments.get(i).sequence();
        if (after > before + 1) {
          gaps.add((after == before + 2 ? "segment number " + (before + 1) : "segments number " + (before + 1)
              + " to " + (after - 1)) + ", between " + segments.get(i - 1).fileName() + " and "
              + segments.get(i).fileName() + ", in " + directory);
        }
      }
      return gaps;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Segments are deleted in the order of their numbers, up to the first one that holds a record of the
   * threshold or later: a segment's end time is not in that order (a record older than the current segment
   * stays in it, and the rotation interval may change between runs), and deleting a later segment before an
   * earlier one would leave a gap that {@link #missingParts()} reports as lost data.
   */
  @Override
  public int clean(long thresholdMs) throws IOException {
    synchronized (lock) {
      checkOpen();
      int deleted = 0;
      for (SegmentName name : segments()) {
        if (!name.isOlderThan(thresholdMs)) {
          break;
        }
        if (active != null && active.name.equals(name)) {
          closeActive();
        }
        if (fileSystem.delete(directory.child(name.fileName()).path())) {
          deleted++;
        }
      }
      LOG.debug("Deleted {} segment(s) of {} older than {} ms", deleted, directory, thresholdMs);
      return deleted;
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      closeActive();
    }
  }

  @Override
  public String toString() {
    return "FileWriteAheadLog(" + directory + ", rotation " + rotationIntervalMs + " ms, "
        + (syncEveryWrite ? "sync every write" : "no sync per write") + ")";
  }

  private ActiveSegment segmentFor(long timeMs) throws IOException {
    if (active != null && timeMs < active.name.stopMs()) {
      return active;
    }
    closeActive();
    long stop = timeMs > Long.MAX_VALUE - rotationIntervalMs ? Long.MAX_VALUE : timeMs + rotationIntervalMs;
    SegmentName name = new SegmentName(nextSequence, timeMs, stop);
    Location location = directory.child(name.fileName());
    DurableOutputStream out = fileSystem.create(location.path());
    // Only a segment that exists takes its number: a number skipped would read as a segment lost.
    nextSequence++;
    ActiveSegment segment = new ActiveSegment(name, location, out);
    try {
      segment.append(SegmentFile.FORMAT.header(), syncEveryWrite);
    } catch (IOException e) {
      closeQuietly(segment, e);
      throw new IOException("cannot start the write-ahead log segment " + location + ": " + e.getMessage(), e);
    }
    active = segment;
    return segment;
  }

  private void closeActive() throws IOException {
    ActiveSegment segment = active;
    active = null;
    if (segment != null) {
      try (DurableOutputStream out = segment.out) {
        if (!syncEveryWrite) {
          out.sync();
        }
      }
    }
  }

  private void abandonActive() {
    ActiveSegment segment = active;
    active = null;
    if (segment != null) {
      try {
        segment.out.close();
      } catch (IOException e) {
        LOG.debug("Closing the abandoned segment {} failed too", segment.location, e);
      }
    }
  }

  private static void closeQuietly(ActiveSegment segment, IOException failure) {
    try {
      segment.out.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private List<SegmentName> segments() throws IOException {
    List<SegmentName> segments = new ArrayList<>();
    for (String fileName : fileSystem.list(directory.path())) {
      Optional<SegmentName> name = SegmentName.parse(fileName);
      name.ifPresent(segments::add);
    }
    segments.sort(Comparator.comparingLong(SegmentName::sequence));
    return segments;
  }

  private void reportTornTail(Location segment, FrameResult.Damaged torn) {
    if (reportedTornSegments.add(segment.name())) {
      LOG.warn("Ignoring the torn end of the write-ahead log segment {} at offset {}: the record there is {}; "
          + "a write was cut short by a crash, and the records before it are intact", segment, torn.offset(),
          torn.describe());
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the write-ahead log at " + directory + " is closed; open a new "
          + FileWriteAheadLog.class.getSimpleName() + " on the directory to use it again");
    }
  }

  /** The segment being appended to. */
  private static final class ActiveSegment {
    final SegmentName name;
    final Location location;
    final DurableOutputStream out;
    long position;

    ActiveSegment(SegmentName name, Location location, DurableOutputStream out) {
      this.name = name;
      this.location = location;
      this.out = out;
    }

    void append(byte[] bytes, boolean sync) throws IOException {
      out.write(bytes);
      if (sync) {
        out.sync();
      } else {
        out.flush();
      }
      position += bytes.length;
    }
  }
}

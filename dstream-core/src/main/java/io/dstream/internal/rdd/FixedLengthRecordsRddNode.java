package io.dstream.internal.rdd;

import io.dstream.checkpoint.fs.Location;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A source node over binary files of fixed-length records ({@code binaryRecordsStream}): one partition per
 * {@link Range} of whole records of a file, whose records are {@code byte[]}s of the record length, each a
 * new array. A file is read as a stream when its partition is computed, up to its length when its batch took
 * it, and closed when its task ends.
 *
 * <p>A file whose length is not a multiple of the record length fails the task of its last range, with an
 * {@link IOException} naming the file and its partial record (carried by a {@link UserCodeException}, so the
 * job's cause is the IOException), as does a file that cannot be read.
 */
public final class FixedLengthRecordsRddNode extends RddNode<byte[]> {
  private static final int READ_BUFFER_BYTES = 64 * 1024;

  private static final long UNKNOWN = Long.MAX_VALUE;

  private final List<Range> ranges;
  private final int recordLength;

  /**
   * Bytes {@code [start, end)} of a file: whole records, except that the last range of a file ends at the
   * file's length, so that a partial record at its end is read (and refused) by one task.
   *
   * @param file the file
   * @param start the first byte, a multiple of the record length
   * @param end the byte after the range; {@link Long#MAX_VALUE} to read a file of unknown length to its end
   */
  public record Range(Location file, long start, long end) {}

  /**
   * Creates the node.
   *
   * @param engine the engine
   * @param ranges the ranges, one partition each, in this order
   * @param recordLength the length of every record, in bytes, at least 1
   */
  public FixedLengthRecordsRddNode(Engine engine, List<Range> ranges, int recordLength) {
    super(engine);
    this.ranges = List.copyOf(ranges);
    this.recordLength = recordLength;
  }

  /**
   * Cuts a file into ranges of whole records, of at most {@code maxRangeBytes} bytes (but at least one
   * record), all of about the same size. An empty file is one empty range; a file of unknown length is one
   * range read to its end.
   *
   * @param file the file
   * @param length its length in bytes, or a negative number if unknown
   * @param recordLength the record length, at least 1
   * @param maxRangeBytes the most bytes of one range, at least 1
   * @return the ranges, in file order
   */
  public static List<Range> ranges(Location file, long length, int recordLength, long maxRangeBytes) {
    if (length < 0) {
      return List.of(new Range(file, 0, UNKNOWN));
    }
    long records = length / recordLength;
    long mostRecordsPerRange = Math.max(1, maxRangeBytes / recordLength);
    long count = Math.max(1, (records + mostRecordsPerRange - 1) / mostRecordsPerRange);
    long recordsPerRange = Math.max(1, (records + count - 1) / count);
    long rangeBytes = recordsPerRange * recordLength;
    List<Range> cut = new ArrayList<>((int) Math.min(count, 1024));
    long start = 0;
    // The last range takes the rest of the file: whole records and a partial one, if any.
    while (length - start > rangeBytes) {
      cut.add(new Range(file, start, start + rangeBytes));
      start += rangeBytes;
    }
    cut.add(new Range(file, start, length));
    return cut;
  }

  @Override
  public int numPartitions() {
    return ranges.size();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  protected Iterator<byte[]> compute(int partition) {
    Range range = ranges.get(partition);
    if (range.start() >= range.end()) {
      return Collections.emptyIterator();
    }
    InputStream in;
    try {
      in = range.file().fileSystem().open(range.file().path(), range.start());
    } catch (IOException e) {
      throw UserCodeException.wrap(new IOException("cannot read the input file " + range.file() + ": " + e, e));
    }
    // Buffered: records are often a few bytes, and a file system's stream may read from the file per call.
    RecordReader records = new RecordReader(new BufferedInputStream(in, READ_BUFFER_BYTES), range, recordLength);
    TaskResources.closeAtTaskEnd(records);
    return records;
  }

  @Override
  public String describe() {
    return "FixedLengthRecords(" + ranges.size() + " ranges of " + recordLength + "-byte records)";
  }

  /** Reads the records of one range, one new array each. */
  private static final class RecordReader implements Iterator<byte[]>, Closeable {
    private final InputStream in;
    private final Range range;
    private final int recordLength;
    private long offset;
    private byte[] next;
    private boolean done;

    RecordReader(InputStream in, Range range, int recordLength) {
      this.in = in;
      this.range = range;
      this.recordLength = recordLength;
      this.offset = range.start();
    }

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (done) {
        return false;
      }
      int wanted = (int) Math.min(recordLength, range.end() - offset);
      byte[] record = new byte[recordLength];
      int read;
      try {
        read = wanted == 0 ? 0 : in.readNBytes(record, 0, wanted);
      } catch (IOException e) {
        done = true;
        throw UserCodeException.wrap(new IOException("cannot read the input file " + range.file() + ": " + e, e));
      }
      if (read == 0) {
        done = true;
        return false;
      }
      if (read < recordLength) {
        done = true;
        throw UserCodeException.wrap(new IOException("the input file " + range.file() + " ends with a partial "
            + "record: " + read + " bytes after its last whole record of " + recordLength + " bytes (at byte "
            + offset + "); a binary records stream reads files whose length is a multiple of the record length"));
      }
      offset += read;
      next = record;
      return true;
    }

    @Override
    public byte[] next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more records in " + range);
      }
      byte[] record = next;
      next = null;
      return record;
    }

    @Override
    public void close() throws IOException {
      done = true;
      in.close();
    }
  }
}

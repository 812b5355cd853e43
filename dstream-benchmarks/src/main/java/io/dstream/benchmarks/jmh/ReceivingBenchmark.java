package io.dstream.benchmarks.jmh;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.receiver.internal.BlockGenerator;
import io.dstream.receiver.internal.RateLimiter;
import io.dstream.receiver.internal.SystemReceiverClock;
import io.dstream.receiver.internal.socket.LineIterator;
import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import io.dstream.storage.internal.BlockManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The receiving path per record, in its three pieces: buffering a record into blocks
 * ({@code BlockGenerator.addData}, and {@code addAll} as the socket text receiver calls it), decoding lines
 * from bytes ({@code LineIterator}, one line at a time and in bulk), and storing a block of lines at the
 * receivers' default level {@code MEMORY_AND_DISK_SER_2} and reading it back (serialization, both replicas,
 * deserialization). The lines are those of the receiving benchmark: 16 bytes with the newline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReceivingBenchmark {
  private static final int LINES = 10_000;
  private static final int BATCH = 1024;

  private final AtomicLong stored = new AtomicLong();
  private SystemReceiverClock clock;
  private BlockGenerator generator;
  private byte[] text;
  private String[] lines;
  private Object[] batch;
  private List<String> block;
  private BlockManager blocks;
  private long nextBlock;

  /** Starts a block generator whose blocks are counted and dropped, and prepares the lines and a block. */
  @Setup(Level.Trial)
  public void setUp() {
    clock = new SystemReceiverClock("jmh-block-timer");
    generator = new BlockGenerator("jmh", 200, clock, new RateLimiter(0, clock),
        records -> stored.addAndGet(records.size()), (message, error) -> {});
    generator.start();
    StringBuilder builder = new StringBuilder();
    lines = new String[LINES];
    block = new ArrayList<>(LINES);
    for (int i = 0; i < LINES; i++) {
      lines[i] = String.format("line %010d", i);
      block.add(lines[i]);
      builder.append(lines[i]).append('\n');
    }
    text = builder.toString().getBytes(StandardCharsets.UTF_8);
    batch = new Object[BATCH];
    blocks = BlockManager.inTemporaryDirectory(256 << 20, new KryoSerializer());
  }

  /** Stops the generator and its timer, and closes the block store. */
  @TearDown(Level.Trial)
  public void tearDown() {
    generator.stop();
    clock.close();
    blocks.close();
  }

  /**
   * Buffers the lines one record at a time.
   *
   * @return the records stored so far, so that the work is not optimized away
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public long addDataPerRecord() {
    for (String line : lines) {
      generator.addData(line);
    }
    return stored.get();
  }

  /**
   * Buffers the lines in arrays of 1024, as the socket text receiver does.
   *
   * @return the records stored so far
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public long addAllPerRecord() {
    for (int from = 0; from < LINES; from += BATCH) {
      int count = Math.min(BATCH, LINES - from);
      System.arraycopy(lines, from, batch, 0, count);
      generator.addAll(batch, count);
    }
    return stored.get();
  }

  /**
   * Decodes the lines one at a time through the iterator.
   *
   * @return the total length of the lines
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public long decodeLinePerLine() {
    LineIterator iterator = new LineIterator(new ByteArrayInputStream(text), 1 << 20, "jmh");
    long length = 0;
    while (iterator.hasNext()) {
      length += iterator.next().length();
    }
    return length;
  }

  /**
   * Decodes the lines in bulk, as the socket text receiver does.
   *
   * @return the total length of the lines
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public long decodeLinesInBulkPerLine() {
    LineIterator iterator = new LineIterator(new ByteArrayInputStream(text), 1 << 20, "jmh");
    long length = 0;
    int count;
    while ((count = iterator.nextLines(batch)) > 0) {
      for (int i = 0; i < count; i++) {
        length += ((String) batch[i]).length();
      }
    }
    return length;
  }

  /**
   * Stores a block of the lines at {@code MEMORY_AND_DISK_SER_2}, reads it back and removes it.
   *
   * @return the number of records read back
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public int storeAndReadBlockPerRecord() {
    BlockId id = BlockId.stream(0, nextBlock++);
    blocks.put(id, block, StorageLevel.MEMORY_AND_DISK_SER_2);
    int read = blocks.<String>get(id).orElseThrow().size();
    blocks.remove(id);
    return read;
  }
}

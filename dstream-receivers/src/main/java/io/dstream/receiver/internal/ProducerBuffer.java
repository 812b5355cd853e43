package io.dstream.receiver.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The records one storing thread has buffered for the next block: an append-only list of arrays that its
 * thread (the producer) writes without a lock, and that the {@link BlockGenerator}'s cutter drains, one
 * cutter at a time (under the generator's push lock). A record becomes visible to the cutter when the
 * producer publishes the array's new size with a volatile write; the cutter reads the size, copies the
 * records below it, and leaves the rest to the next cut. Arrays start small, so an idle thread costs little,
 * and double up to {@value #MAX_CHUNK} records, so a busy one allocates one array per thousands of records.
 *
 * <p>The volatile write of the size is also what makes a stop safe without a lock: the generator re-reads
 * its state after each append, and a producer that finds it stopped calls {@link #retractUndrained} under
 * the push lock, which keeps the records a cut has taken and removes the others (see
 * {@link BlockGenerator}).
 */
final class ProducerBuffer {
  private static final int FIRST_CHUNK = 16;
  static final int MAX_CHUNK = 8192;
  private static final VarHandle SIZE;

  static {
    try {
      SIZE = MethodHandles.lookup().findVarHandle(Chunk.class, "size", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** One array of records; {@code base} is the number of records the thread appended before it. */
  private static final class Chunk {
    final Object[] records;
    final long base;
    volatile int size;
    volatile Chunk next;
    int taken; // the cutter's, under the push lock

    Chunk(int capacity, long base) {
      this.records = new Object[capacity];
      this.base = base;
    }
  }

  private final Thread owner;
  // The producer's side, touched by the owner only.
  private Chunk tail;
  private int tailSize;
  private long appended;
  private long drainedSeen;
  // The cutter's side.
  private Chunk head;
  private volatile long drained;

  ProducerBuffer(Thread owner) {
    this.owner = owner;
    this.tail = new Chunk(FIRST_CHUNK, 0);
    this.head = tail;
  }

  /** Tells whether the calling thread is this buffer's producer. */
  boolean ownedByCurrentThread() {
    return owner == Thread.currentThread();
  }

  /** Returns how many records the producer has appended so far; the producer's own count. */
  long appended() {
    return appended;
  }

  /**
   * Appends one record and publishes it. Producer only.
   *
   * @return whether at least {@code bound} records now wait for a cut (read lazily: the cutter's progress is
   *     re-read only when the producer's last view of it says the bound is reached)
   */
  boolean append(Object record, int bound) {
    Chunk chunk = tail;
    int size = tailSize;
    if (size == chunk.records.length) {
      chunk = grow(chunk);
      size = 0;
    }
    chunk.records[size] = record;
    tailSize = size + 1;
    SIZE.setVolatile(chunk, size + 1);
    appended++;
    return reachedBound(bound);
  }

  /**
   * Appends records {@code [from, to)} of an array and publishes them. Producer only.
   *
   * @return whether at least {@code bound} records now wait for a cut
   */
  boolean append(Object[] records, int from, int to, int bound) {
    int next = from;
    while (next < to) {
      Chunk chunk = tail;
      int size = tailSize;
      if (size == chunk.records.length) {
        chunk = grow(chunk);
        size = 0;
      }
      int count = Math.min(to - next, chunk.records.length - size);
      System.arraycopy(records, next, chunk.records, size, count);
      tailSize = size + count;
      SIZE.setVolatile(chunk, size + count);
      appended += count;
      next += count;
    }
    return reachedBound(bound);
  }

  /** Returns how many appended records no cut has taken yet; exact for the producer, a bound for others. */
  long pending() {
    return appended - drained;
  }

  private boolean reachedBound(int bound) {
    if (appended - drainedSeen < bound) {
      return false;
    }
    drainedSeen = drained;
    return appended - drainedSeen >= bound;
  }

  private Chunk grow(Chunk full) {
    Chunk next = new Chunk(Math.min(MAX_CHUNK, 2 * full.records.length), full.base + full.records.length);
    full.next = next;
    tail = next;
    tailSize = 0;
    return next;
  }

  /** Counts the published records that no cut has taken. Cutter only. */
  int published() {
    long total = 0;
    for (Chunk chunk = head; chunk != null; chunk = chunk.next) {
      total += (int) SIZE.getVolatile(chunk) - chunk.taken;
    }
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  /**
   * Moves published records into a block, in the order they were appended, as many as fit, and forgets them
   * (the arrays keep no reference). Cutter only.
   *
   * @return the index in {@code block} after the last record moved
   */
  int drainInto(Object[] block, int offset) {
    Chunk chunk = head;
    long taken = drained;
    int position = offset;
    while (true) {
      int size = Math.min((int) SIZE.getVolatile(chunk), chunk.taken + block.length - position);
      Object[] records = chunk.records;
      System.arraycopy(records, chunk.taken, block, position, size - chunk.taken);
      position += size - chunk.taken;
      Arrays.fill(records, chunk.taken, size, null);
      taken += size - chunk.taken;
      chunk.taken = size;
      Chunk next = chunk.next;
      if (size < records.length || next == null) {
        break;
      }
      chunk = next;
    }
    head = chunk;
    drained = taken;
    return position;
  }

  /**
   * Tells whether the producer's thread has ended and every record it appended was taken: the buffer can be
   * dropped. Cutter only.
   */
  boolean retired() {
    // The thread's end first: its appends happen before isAlive() returns false, so the count read after it
    // is final. Read the other way round, a thread could append its last records and end in between, and
    // the buffer be dropped with them.
    return !owner.isAlive() && published() == 0;
  }

  /**
   * Removes the records appended from {@code since} on (a count of {@link #appended()}) that no cut has
   * taken, once the generator stopped accepting records. Producer only, under the push lock (so no cut runs
   * meanwhile).
   *
   * @return how many of those records a cut had already taken; they stay stored
   */
  long retractUndrained(long since) {
    long keep = Math.max(since, drained);
    Chunk chunk = head;
    while (keep > chunk.base + chunk.records.length) {
      chunk = chunk.next;
    }
    int size = (int) (keep - chunk.base);
    SIZE.setVolatile(chunk, size);
    Arrays.fill(chunk.records, size, chunk.records.length, null);
    chunk.next = null;
    tail = chunk;
    tailSize = size;
    appended = keep;
    return keep - since;
  }
}

package io.dstream.internal.state;

import java.util.concurrent.atomic.LongAdder;

/** Counts the work done on the {@link StateMap}s of one stateful stream; see {@link StateMapWork}. */
public final class CountingStateMapWork implements StateMapWork {
  private final LongAdder probes = new LongAdder();
  private final LongAdder writes = new LongAdder();
  private final LongAdder copies = new LongAdder();
  private final LongAdder scanned = new LongAdder();

  @Override
  public void probed(int layers) {
    probes.add(layers);
  }

  @Override
  public void wrote() {
    writes.increment();
  }

  @Override
  public void copied(long entries) {
    copies.add(entries);
  }

  @Override
  public void scanned(long entries) {
    scanned.add(entries);
  }

  /**
   * Returns how many layer lookups reads and writes have made.
   *
   * @return the count since the stream was created
   */
  public long probes() {
    return probes.sum();
  }

  /**
   * Returns how many entries were put or removed.
   *
   * @return the count since the stream was created
   */
  public long writes() {
    return writes.sum();
  }

  /**
   * Returns how many entries compactions copied.
   *
   * @return the count since the stream was created
   */
  public long copies() {
    return copies.sum();
  }

  /**
   * Returns how many entries whole-state scans visited.
   *
   * @return the count since the stream was created
   */
  public long scanned() {
    return scanned.sum();
  }

  /**
   * Returns the sum of every kind of work: a per-batch measure of what the state cost.
   *
   * @return probes, writes, copies and scanned entries together
   */
  public long total() {
    return probes() + writes() + copies() + scanned();
  }

  @Override
  public String toString() {
    return "CountingStateMapWork(probes " + probes() + ", writes " + writes() + ", copies " + copies() + ", scanned "
        + scanned() + ")";
  }
}

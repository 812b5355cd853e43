package io.dstream.internal.state;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the work done on the {@link StateMap}s of one stateful stream, so that tests can check that a
 * batch costs work in proportion to the keys it touches: lookups (one per layer probed), writes, entries
 * copied when the layers are compacted, and entries visited by whole-state scans (timeouts, snapshots).
 */
public final class StateMapWork {
  private final LongAdder probes = new LongAdder();
  private final LongAdder writes = new LongAdder();
  private final LongAdder copies = new LongAdder();
  private final LongAdder scanned = new LongAdder();

  void probed(int layers) {
    probes.add(layers);
  }

  void wrote() {
    writes.increment();
  }

  void copied(long entries) {
    copies.add(entries);
  }

  void scanned(long entries) {
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
    return "StateMapWork(probes " + probes() + ", writes " + writes() + ", copies " + copies() + ", scanned "
        + scanned() + ")";
  }
}

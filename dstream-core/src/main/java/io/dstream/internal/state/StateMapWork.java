package io.dstream.internal.state;

/**
 * Where the {@link StateMap}s of one stateful stream report the work they do: lookups (one per layer
 * probed), writes, entries copied when the layers are compacted, and entries visited by whole-state scans
 * (timeouts, snapshots). A stream reports to {@link #NONE}, which costs nothing on the per-record path,
 * unless a test that checks that a batch costs work in proportion to the keys it touches installs a counter.
 */
public interface StateMapWork {
  /** Counts nothing. */
  StateMapWork NONE = new StateMapWork() {};

  /**
   * A lookup probed some layers.
   *
   * @param layers how many
   */
  default void probed(int layers) {}

  /** An entry was put or removed. */
  default void wrote() {}

  /**
   * A compaction copied entries.
   *
   * @param entries how many
   */
  default void copied(long entries) {}

  /**
   * A whole-state scan visited entries.
   *
   * @param entries how many
   */
  default void scanned(long entries) {}
}

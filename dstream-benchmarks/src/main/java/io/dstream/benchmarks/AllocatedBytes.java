package io.dstream.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * The bytes the JVM's threads have allocated so far, from HotSpot's per-thread allocation counters
 * ({@code com.sun.management.ThreadMXBean}). Differences of two readings give what ran in between allocated;
 * a thread that ended in between takes its bytes with it, so the figure is a lower bound (the engine's worker,
 * job and listener threads live as long as the context).
 */
final class AllocatedBytes {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AllocatedBytes() {}

  /**
   * Returns the bytes all live threads have allocated.
   *
   * @return the sum of the live threads' counters
   * @throws UnsupportedOperationException if the JVM does not count allocations per thread
   */
  static long allThreads() {
    long total = 0;
    for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
      total += Math.max(bytes, 0);
    }
    return total;
  }
}

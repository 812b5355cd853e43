package io.dstream.storage.internal;

import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The flow control of received blocks: counts the bytes of the received blocks a {@link BlockManager} holds
 * (every copy, in memory or on disk), which are exactly the blocks that a batch, window or state may still
 * need, since they are removed once none does. Admitting a block that would take them over the bound waits
 * until blocks are released, so a receiver faster than processing is slowed down to it, and the store never
 * grows past the bound. A block is admitted alone whatever its size, so one larger than the bound does not
 * wait forever. Thread-safe.
 */
final class ReceivedBlockQuota {
  /** Set on a thread whose admissions must not wait (see {@link BlockManager#storeWithoutWaitingForBound}). */
  private static final ThreadLocal<Boolean> NEVER_WAIT = ThreadLocal.withInitial(() -> Boolean.FALSE);

  private final long maxBytes;
  private final Map<BlockId, Long> held = new HashMap<>();
  private long heldBytes;
  private final Map<BlockId, Integer> waiting = new HashMap<>();
  private long releases;
  private String refusal;
  private int refusedBlocks;
  private long refusedRecords;

  /**
   * Creates a quota.
   *
   * @param maxBytes the most bytes the held blocks may take, positive
   */
  ReceivedBlockQuota(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Admits a block, waiting while it would take the held bytes over the bound.
   *
   * @param id the block
   * @param bytes what its copies take
   * @param records how many records it holds, counted if it is refused
   * @param onWait called (under this quota's lock, once per admission) before the first wait
   * @throws BlockStoreException if the quota refuses blocks (see {@link #refuseWaiting}) or the thread is
   *     interrupted while waiting; the block is then not admitted
   */
  synchronized void admit(BlockId id, long bytes, int records, Runnable onWait) {
    boolean waited = false;
    boolean mayWait = !NEVER_WAIT.get();
    // A block stored again under the same id replaces its earlier copy, which therefore does not count.
    while (mayWait && othersHeld(id) > 0 && heldBytes - held.getOrDefault(id, 0L) + bytes > maxBytes) {
      if (!waited) {
        onWait.run();
        waited = true;
      }
      await(id, records);
    }
    Long previous = held.put(id, bytes);
    heldBytes += bytes - (previous == null ? 0 : previous);
  }

  private int othersHeld(BlockId id) {
    return held.size() - (held.containsKey(id) ? 1 : 0);
  }

  /**
   * Releases a held block; does nothing for a block not held.
   *
   * @param id the block
   */
  synchronized void release(BlockId id) {
    Long bytes = held.remove(id);
    if (bytes != null) {
      heldBytes -= bytes;
      releases++;
      notifyAll();
    }
  }

  /**
   * Returns how many releases happened so far: what {@link #awaitReleaseSince} compares with.
   *
   * @return the number of releases
   */
  synchronized long releases() {
    return releases;
  }

  /**
   * Waits until some block has been released since a count of releases, if any other block than the given
   * one is held (else no release can come, and waiting would be forever).
   *
   * @param id the waiting block
   * @param records how many records it holds, counted if it is refused
   * @param releasesBefore what {@link #releases()} returned before the attempt that found no room
   * @return true once a block was released, false at once if no other block is held
   * @throws BlockStoreException if the quota refuses blocks or the thread is interrupted while waiting
   */
  synchronized boolean awaitReleaseSince(BlockId id, int records, long releasesBefore) {
    while (releases == releasesBefore) {
      if (othersHeld(id) == 0) {
        return false;
      }
      await(id, records);
    }
    return true;
  }

  /**
   * From now on, fails every admission that has to wait, and wakes those waiting: what to do once no batch
   * will release blocks any more (the context is stopping). Refusing again keeps the first reason.
   *
   * @param reason why, for the exception's message
   */
  synchronized void refuseWaiting(String reason) {
    if (refusal != null) {
      return;
    }
    refusal = reason;
    // Counted now, so that whoever refused can report them at once; they fail as they wake up.
    refusedBlocks += waiting.size();
    refusedRecords += waiting.values().stream().mapToLong(Integer::longValue).sum();
    waiting.clear();
    notifyAll();
  }

  /**
   * Returns the blocks refused so far: those waiting when the quota started refusing, and those that had to
   * wait afterwards.
   *
   * @return the refused blocks and their records
   */
  synchronized RefusedStores refused() {
    return new RefusedStores(refusedBlocks, refusedRecords);
  }

  /**
   * Returns the bytes the held blocks take.
   *
   * @return the bytes, at most the bound unless a single block is larger
   */
  synchronized long heldBytes() {
    return heldBytes;
  }

  /**
   * Returns how many blocks are held.
   *
   * @return the number of blocks
   */
  synchronized int heldBlocks() {
    return held.size();
  }

  long maxBytes() {
    return maxBytes;
  }

  /** Runs an action during which this thread's admissions never wait: they take the bound over instead. */
  static void runWithoutWaiting(Runnable action) {
    boolean before = NEVER_WAIT.get();
    NEVER_WAIT.set(Boolean.TRUE);
    try {
      action.run();
    } finally {
      NEVER_WAIT.set(before);
    }
  }

  /**
   * Waits for a release; returns after one (or a spurious wake-up) for the caller to check again, or throws
   * once the quota refuses blocks.
   */
  private void await(BlockId id, int records) {
    if (refusal == null) {
      waiting.put(id, records);
      try {
        wait();
      } catch (InterruptedException e) {
        waiting.remove(id);
        Thread.currentThread().interrupt();
        throw new BlockStoreException(id, "block " + id + " was not stored: the thread was interrupted while "
            + "it waited for the received blocks in store to be processed", e);
      }
      if (waiting.remove(id) != null || refusal == null) {
        return;
      }
    } else {
      refusedBlocks++;
      refusedRecords += records;
    }
    // The cause marks a refusal, which whoever refused reports, from a failure to report on its own.
    throw new BlockStoreException(id, "block " + id + " was not stored: " + refusal,
        new CancellationException(refusal));
  }
}

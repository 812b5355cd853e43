package io.dstream;

import io.dstream.internal.receiver.ReceiverTracker;
import io.dstream.storage.BlockId;
import io.dstream.storage.internal.BlockManager;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reaches into the receivers of a context, and waits for what their threads do, with a generous bound. */
final class ReceiverKit {
  /** How long a test waits for something another thread should do promptly. */
  static final long TIMEOUT_SECONDS = 20;

  private ReceiverKit() {}

  static ReceiverTracker tracker(StreamingContext ssc) {
    return ssc.runtime.receivers();
  }

  /**
   * Waits until a block is in the context's block store: after the test moved the manual clock past a block
   * cut, which the receivers' clock thread makes as the clock moves.
   */
  static void awaitBlockStored(StreamingContext ssc, BlockId id) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!blockManager(ssc).contains(id)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("block " + id + " was not stored within " + TIMEOUT_SECONDS + " s");
      }
      Thread.onSpinWait();
    }
  }

  static BlockManager blockManager(StreamingContext ssc) {
    return ssc.runtime.engine().blockManager();
  }

  /** Takes the next element, failing if none arrives in time. */
  static <E> E take(BlockingQueue<E> queue, String what) throws InterruptedException {
    E element = queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (element == null) {
      throw new AssertionError("timed out waiting for " + what);
    }
    return element;
  }
}

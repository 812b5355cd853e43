package io.dstream;

import io.dstream.internal.receiver.ReceiverTracker;
import io.dstream.receiver.internal.ManualScheduler;
import io.dstream.receiver.internal.Ticker;
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
   * Makes the context's receivers cut blocks and end restart delays only when the returned scheduler is
   * advanced. Call before start.
   */
  static ManualScheduler manualBlockTimer(StreamingContext ssc) {
    ManualScheduler scheduler = new ManualScheduler();
    tracker(ssc).useScheduler(scheduler, Ticker.SYSTEM);
    return scheduler;
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

package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for something another thread does, failing the test after a generous bound instead of hanging. */
public final class Await {
  /** How long a test waits for an event that should come promptly. */
  public static final long TIMEOUT_SECONDS = 20;

  private Await() {}

  /** Takes the next element, failing if none arrives in time. */
  public static <E> E take(BlockingQueue<E> queue, String what) throws InterruptedException {
    E element = queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (element == null) {
      fail("timed out waiting for " + what);
    }
    return element;
  }

  /**
   * Waits until a condition holds, re-checking it (no sleeping) for a condition no event announces, such as
   * a thread becoming blocked; fails if it does not hold in time.
   */
  public static void until(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      Thread.yield();
    }
  }

  /** Waits for a latch, failing if it is not released in time. */
  public static void latch(CountDownLatch latch, String what) throws InterruptedException {
    if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      fail("timed out waiting for " + what);
    }
  }
}

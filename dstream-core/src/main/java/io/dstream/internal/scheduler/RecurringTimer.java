package io.dstream.internal.scheduler;

import io.dstream.Clock;
import java.util.function.LongConsumer;

/**
 * Calls a callback at every multiple of a period on a {@link Clock}, on its own thread: the heartbeat of
 * the job generator. With a manual clock, each tick happens when the test moves the clock past it.
 */
final class RecurringTimer {
  private final Clock clock;
  private final long period;
  private final LongConsumer callback;
  private final Thread thread;
  private volatile boolean stopped;
  private boolean started;
  private long nextTime;

  RecurringTimer(Clock clock, long period, LongConsumer callback, String threadName) {
    this.clock = clock;
    this.period = period;
    this.callback = callback;
    this.thread = new Thread(this::loop, threadName);
    this.thread.setDaemon(true);
  }

  /**
   * Returns the first multiple of the period strictly after the clock's current time.
   */
  long nextStartTime() {
    return (Math.floorDiv(clock.getTimeMillis(), period) + 1) * period;
  }

  void start(long startTime) {
    nextTime = startTime;
    started = true;
    thread.start();
  }

  /**
   * Stops ticking; a tick already being delivered finishes first.
   *
   * @param deliverDueTicks true to deliver, on the caller's thread, the ticks whose time has already come
   *     but which the timer thread had not delivered yet (it may lag behind a clock that jumped forward)
   */
  void stop(boolean deliverDueTicks) {
    stopped = true;
    thread.interrupt();
    if (Thread.currentThread() == thread || !started) {
      return;
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (deliverDueTicks) {
      // After join, nextTime is the first tick the timer thread did not deliver.
      long now = clock.getTimeMillis();
      while (nextTime <= now) {
        callback.accept(nextTime);
        nextTime += period;
      }
    }
  }

  private void loop() {
    try {
      while (!stopped) {
        clock.waitTillTime(nextTime);
        if (stopped) {
          return;
        }
        callback.accept(nextTime);
        nextTime += period;
      }
    } catch (InterruptedException e) {
      // stop() interrupts the wait for the next tick: nothing more to do.
    }
  }
}

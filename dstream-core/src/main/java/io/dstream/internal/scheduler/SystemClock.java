package io.dstream.internal.scheduler;

import io.dstream.Clock;

/** The wall clock: {@link System#currentTimeMillis()}. */
public final class SystemClock implements Clock {
  @Override
  public long getTimeMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public long waitTillTime(long targetMillis) throws InterruptedException {
    long now = System.currentTimeMillis();
    while (now < targetMillis) {
      Thread.sleep(targetMillis - now);
      now = System.currentTimeMillis();
    }
    return now;
  }
}

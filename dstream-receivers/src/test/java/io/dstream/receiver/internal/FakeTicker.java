package io.dstream.receiver.internal;

/** A {@link Ticker} whose sleeps only move its time forward, and which remembers how long it slept. */
public final class FakeTicker implements Ticker {
  private long nanos;
  private long sleptNanos;
  private int sleeps;

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized void sleepNanos(long duration) {
    nanos += duration;
    sleptNanos += duration;
    sleeps++;
  }

  /** Moves time forward without sleeping, as if the caller had been busy. */
  public synchronized void advanceNanos(long duration) {
    nanos += duration;
  }

  public synchronized long sleptNanos() {
    return sleptNanos;
  }

  public synchronized int sleeps() {
    return sleeps;
  }
}

package io.dstream.receiver.internal;

import io.dstream.receiver.Receiver;
import io.dstream.storage.StorageLevel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver that does nothing by itself: it reports each onStart (with its thread) and onStop to queues,
 * can be told to throw from either, and leaves storing to the test, which calls store(...) directly.
 */
public final class ControlledReceiver extends Receiver<String> {
  public final BlockingQueue<String> startThreads = new LinkedBlockingQueue<>();
  public final BlockingQueue<Integer> stops = new LinkedBlockingQueue<>();
  public final AtomicInteger starts = new AtomicInteger();
  public final AtomicInteger stopCount = new AtomicInteger();
  private volatile int failingStarts;
  private volatile RuntimeException onStopFailure;
  private volatile Runnable onStartAction = () -> {};

  public ControlledReceiver() {
    super();
  }

  public ControlledReceiver(StorageLevel level) {
    super(level);
  }

  /** Makes the next {@code count} calls of onStart throw. */
  public void failNextStarts(int count) {
    failingStarts = count;
  }

  public void failOnStop(RuntimeException failure) {
    onStopFailure = failure;
  }

  /** Runs an action inside the next onStart calls (on the supervisor's thread). */
  public void onStartDo(Runnable action) {
    onStartAction = action;
  }

  @Override
  public void onStart() {
    int attempt = starts.incrementAndGet();
    startThreads.add(Thread.currentThread().getName());
    if (failingStarts > 0) {
      failingStarts--;
      throw new IllegalStateException("onStart failure " + attempt);
    }
    onStartAction.run();
  }

  @Override
  public void onStop() {
    stops.add(stopCount.incrementAndGet());
    if (onStopFailure != null) {
      throw onStopFailure;
    }
  }
}

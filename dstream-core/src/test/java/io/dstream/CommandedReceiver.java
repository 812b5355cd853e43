package io.dstream;

import io.dstream.receiver.Receiver;
import io.dstream.storage.StorageLevel;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A receiver that receives nothing by itself: the test stores records through it ({@code store(...)} is
 * public), and it queues "start" and "stop" each time the supervisor calls onStart and onStop, optionally
 * into a log shared with the test's output operations, to check what happened in which order.
 */
final class CommandedReceiver extends Receiver<String> {
  private final BlockingQueue<String> lifecycle = new LinkedBlockingQueue<>();
  private final List<String> sharedLog;

  CommandedReceiver() {
    this(Receiver.DEFAULT_STORAGE_LEVEL, null);
  }

  CommandedReceiver(StorageLevel level) {
    this(level, null);
  }

  /** A receiver that also appends "receiver started" and "receiver stopped" to a synchronized log. */
  CommandedReceiver(List<String> sharedLog) {
    this(Receiver.DEFAULT_STORAGE_LEVEL, sharedLog);
  }

  private CommandedReceiver(StorageLevel level, List<String> sharedLog) {
    super(level);
    this.sharedLog = sharedLog;
  }

  @Override
  public void onStart() {
    if (sharedLog != null) {
      sharedLog.add("receiver started");
    }
    lifecycle.add("start");
  }

  @Override
  public void onStop() {
    if (sharedLog != null) {
      sharedLog.add("receiver stopped");
    }
    lifecycle.add("stop");
  }

  /** Waits for the next onStart or onStop call and returns which it was. */
  String nextLifecycleCall() throws InterruptedException {
    String call = lifecycle.poll(ReceiverKit.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (call == null) {
      throw new AssertionError("the supervisor did not call onStart or onStop within "
          + ReceiverKit.TIMEOUT_SECONDS + " s");
    }
    return call;
  }

  /** Waits until the supervisor has called onStart. */
  void awaitStarted() throws InterruptedException {
    String call = nextLifecycleCall();
    if (!call.equals("start")) {
      throw new AssertionError("expected onStart, got on" + call);
    }
  }
}

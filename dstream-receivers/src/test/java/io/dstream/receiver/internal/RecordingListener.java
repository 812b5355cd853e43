package io.dstream.receiver.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A {@link ReceiverListener} that queues everything it is told, for tests to take in order. */
public final class RecordingListener implements ReceiverListener {
  /** One lifecycle report. */
  public record Report(String kind, int streamId, String message, Throwable error) {}

  public final BlockingQueue<ReceivedBlockInfo> blocks = new LinkedBlockingQueue<>();
  public final BlockingQueue<Report> started = new LinkedBlockingQueue<>();
  public final BlockingQueue<Report> errors = new LinkedBlockingQueue<>();
  public final BlockingQueue<Report> stopped = new LinkedBlockingQueue<>();
  /** Every report's kind ("started", "block", "error", "stopped") in the order they came. */
  public final List<String> order = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void onReceiverStarted(int streamId) {
    order.add("started");
    started.add(new Report("started", streamId, null, null));
  }

  @Override
  public void onBlockStored(ReceivedBlockInfo block) {
    order.add("block");
    blocks.add(block);
  }

  @Override
  public void onReceiverError(int streamId, String message, Throwable error) {
    order.add("error");
    errors.add(new Report("error", streamId, message, error));
  }

  @Override
  public void onReceiverStopped(int streamId, String message, Throwable error) {
    order.add("stopped");
    stopped.add(new Report("stopped", streamId, message, error));
  }
}

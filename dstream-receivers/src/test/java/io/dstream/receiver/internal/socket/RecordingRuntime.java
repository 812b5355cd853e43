package io.dstream.receiver.internal.socket;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.receiver.Receiver;
import io.dstream.receiver.internal.ReceiverAccess;
import io.dstream.receiver.internal.ReceiverRuntime;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Stands in for the supervisor under a receiver: queues what the receiver stores and the restarts it asks
 * for, and leaves starting and stopping the receiver to the test.
 */
final class RecordingRuntime implements ReceiverRuntime {
  record Restart(String message, Throwable error) {}

  final BlockingQueue<Object> records = new LinkedBlockingQueue<>();
  final BlockingQueue<List<?>> blocks = new LinkedBlockingQueue<>();
  final BlockingQueue<Restart> restarts = new LinkedBlockingQueue<>();
  private final Serializer serializer = new KryoSerializer();
  private volatile boolean stopped;

  static RecordingRuntime attachedTo(Receiver<?> receiver) {
    RecordingRuntime runtime = new RecordingRuntime();
    ReceiverAccess.attach(receiver, runtime);
    return runtime;
  }

  /** Makes isStopped() true, as the supervisor does before it calls onStop(). */
  void markStopped() {
    stopped = true;
  }

  @Override
  public int streamId() {
    return 0;
  }

  @Override
  public Serializer serializer() {
    return serializer;
  }

  @Override
  public void pushSingle(Object record) {
    records.add(record);
  }

  @Override
  public void pushMultiple(List<?> records, Object metadata) {
    blocks.add(records);
  }

  @Override
  public void restart(String message, Throwable error) {
    restarts.add(new Restart(message, error));
  }

  @Override
  public void restart(String message, Throwable error, long delayMs) {
    restarts.add(new Restart(message, error));
  }

  @Override
  public void stop(String message, Throwable error) {
    stopped = true;
  }

  @Override
  public void reportError(String message, Throwable error) {}

  @Override
  public boolean isReceiverStarted() {
    return !stopped;
  }

  @Override
  public boolean isReceiverStopped() {
    return stopped;
  }
}

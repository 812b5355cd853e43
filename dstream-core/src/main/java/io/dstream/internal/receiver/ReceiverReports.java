package io.dstream.internal.receiver;

import io.dstream.Clock;
import io.dstream.checkpoint.internal.FatalErrors;
import io.dstream.internal.scheduler.FailureHandler;
import io.dstream.internal.scheduler.ListenerBus;
import io.dstream.receiver.internal.ReceivedBlockInfo;
import io.dstream.receiver.internal.ReceiverListener;
import io.dstream.scheduler.ReceiverInfo;
import io.dstream.scheduler.StreamingListenerReceiverError;
import io.dstream.scheduler.StreamingListenerReceiverStarted;
import io.dstream.scheduler.StreamingListenerReceiverStopped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the receivers' supervisors report, turned into the engine's state: stored blocks go to their stream's
 * {@link ReceivedBlockTracker}, and each start, error and stop updates the receiver's {@link ReceiverInfo}
 * and is posted to the streaming listeners. An error or stop caused by a fatal error (see {@link FatalErrors})
 * goes to the context too, which stops: the receivers' supervisors restart a receiver after anything it
 * throws, and this is where the one failure rule reaches them.
 */
final class ReceiverReports implements ReceiverListener {
  private final ListenerBus bus;
  private final Clock clock;
  private final FailureHandler failures;
  private final Map<Integer, ReceivedBlockTracker> trackers = new ConcurrentHashMap<>();
  private final Map<Integer, ReceiverInfo> infos = new ConcurrentHashMap<>();

  ReceiverReports(ListenerBus bus, Clock clock, FailureHandler failures) {
    this.bus = bus;
    this.clock = clock;
    this.failures = failures;
  }

  /** Starts taking the reports of a stream's receiver. */
  void register(ReceivedBlockTracker tracker, String receiverName) {
    trackers.put(tracker.streamId(), tracker);
    infos.put(tracker.streamId(), new ReceiverInfo(tracker.streamId(), receiverName, false, Optional.empty(),
        Optional.empty(), Optional.empty()));
  }

  /** Returns what is known of a stream's receiver, if it was registered. */
  Optional<ReceiverInfo> info(int streamId) {
    return Optional.ofNullable(infos.get(streamId));
  }

  @Override
  public void onReceiverStarted(int streamId) {
    ReceiverInfo info = infos.computeIfPresent(streamId, (id, old) -> new ReceiverInfo(id, old.name(), true,
        old.lastErrorMessage(), old.lastError(), old.lastErrorTime()));
    bus.post(new StreamingListenerReceiverStarted(info));
  }

  @Override
  public void onBlockStored(ReceivedBlockInfo block) {
    trackers.get(block.streamId()).addBlock(block);
  }

  @Override
  public void onReceiverError(int streamId, String message, Throwable error) {
    bus.post(new StreamingListenerReceiverError(withError(streamId, null, message, error)));
    endContextIfFatal(streamId, message, error);
  }

  @Override
  public void onReceiverStopped(int streamId, String message, Throwable error) {
    ReceiverInfo info = error == null
        ? infos.computeIfPresent(streamId, (id, old) -> new ReceiverInfo(id, old.name(), false,
            old.lastErrorMessage(), old.lastError(), old.lastErrorTime()))
        : withError(streamId, false, message, error);
    bus.post(new StreamingListenerReceiverStopped(info));
    endContextIfFatal(streamId, message, error);
  }

  private void endContextIfFatal(int streamId, String message, Throwable error) {
    FatalErrors.in(error).ifPresent(fatal -> failures.fatalError("the receiver of stream " + streamId + " ("
        + message + ")", fatal));
  }

  /** Records an error; {@code active} null keeps the receiver's activity as it was. */
  private ReceiverInfo withError(int streamId, Boolean active, String message, Throwable error) {
    long now = clock.getTimeMillis();
    return infos.computeIfPresent(streamId, (id, old) -> new ReceiverInfo(id, old.name(),
        active == null ? old.active() : active, Optional.ofNullable(message), Optional.ofNullable(error),
        Optional.of(now)));
  }
}

package io.dstream.internal;

import io.dstream.internal.receiver.ReceiverInputStreamNode;
import io.dstream.internal.receiver.ReceiverTracker;
import io.dstream.internal.scheduler.ListenerBus;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.InputStreamNode;
import io.dstream.internal.stream.StatefulStreamNode;
import io.dstream.internal.stream.StreamNode;
import io.dstream.scheduler.ReceiverInfo;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a monitor (dstream-ui's status page and metrics) reads of a running context beyond its listener events:
 * its input streams with their receivers, the received blocks waiting for a batch, the keys its state streams
 * hold, and the listener events dropped. Each call reads the current value; none blocks a batch.
 */
public final class RuntimeStatus {
  private final DStreamGraph graph;
  private final ReceiverTracker receivers;
  private final ListenerBus bus;

  RuntimeStatus(DStreamGraph graph, ReceiverTracker receivers, ListenerBus bus) {
    this.graph = graph;
    this.receivers = receivers;
    this.bus = bus;
  }

  /**
   * An input stream of the context.
   *
   * @param id the stream's id, as in {@code BatchInfo.streamIdToNumRecords}
   * @param name the name given with {@code DStream.name}, or else the operation that made it
   * @param operation the operation that made it, such as {@code socketTextStream}
   * @param receiver its receiver's state, if it is a receiver stream whose receiver was prepared
   */
  public record InputStream(int id, String name, String operation, Optional<ReceiverInfo> receiver) {}

  /**
   * A stream that keeps state per key ({@code updateStateByKey}, {@code mapWithState}, a scale-out window).
   *
   * @param id the stream's id
   * @param name the name given with {@code DStream.name}, or else the operation that made it
   * @param keys how many keys the state of its latest completed batch holds, if that is known yet
   */
  public record StateStream(int id, String name, OptionalLong keys) {}

  /**
   * Returns the context's input streams, in creation order.
   *
   * @return the input streams
   */
  public List<InputStream> inputStreams() {
    return graph.inputStreams().stream()
        .map(stream -> new InputStream(stream.id(), displayName(stream), stream.operationName(), receiverOf(stream)))
        .toList();
  }

  private Optional<ReceiverInfo> receiverOf(InputStreamNode<?> stream) {
    return stream instanceof ReceiverInputStreamNode<?> ? receivers.receiverInfo(stream.id()) : Optional.empty();
  }

  /**
   * Returns the streams that keep state per key, in creation order. Counting a {@code mapWithState} stream's
   * keys takes one pass over them; call it when a figure is wanted, not per batch.
   *
   * @return the state streams
   */
  public List<StateStream> stateStreams() {
    return graph.streams().stream()
        .filter(StatefulStreamNode.class::isInstance)
        .map(stream -> new StateStream(stream.id(), displayName(stream),
            ((StatefulStreamNode<?, ?, ?>) stream).keysHeld()))
        .toList();
  }

  /**
   * Returns how many keys one state stream holds, counting only that stream (a gauge per stream reads this).
   *
   * @param streamId the state stream's id, as in {@link #stateStreams()}
   * @return the number of keys, or empty before a batch computed its whole state or if no state stream has
   *     the id
   */
  public OptionalLong stateKeys(int streamId) {
    return graph.streams().stream()
        .filter(stream -> stream.id() == streamId && stream instanceof StatefulStreamNode)
        .map(stream -> ((StatefulStreamNode<?, ?, ?>) stream).keysHeld())
        .findFirst().orElse(OptionalLong.empty());
  }

  /**
   * Returns how many blocks the receivers stored that no batch has taken yet.
   *
   * @return the number of blocks
   */
  public int blocksWaiting() {
    return receivers.backlog(Set.of()).unallocatedBlocks();
  }

  /**
   * Returns how many listener events were dropped because a listener was too slow.
   *
   * @return the number of events
   */
  public long droppedListenerEvents() {
    return bus.droppedEvents();
  }

  private static String displayName(StreamNode<?> stream) {
    String named = stream.name();
    return named != null ? named : stream.operationName();
  }
}

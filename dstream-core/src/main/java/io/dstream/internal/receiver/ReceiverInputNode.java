package io.dstream.internal.receiver;

import io.dstream.Time;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.InputNode;
import io.dstream.rdd.RDD;
import io.dstream.receiver.Receiver;

/**
 * An input stream fed by a {@link Receiver} ({@code ssc.receiverStream}, {@code socketTextStream}, ...):
 * the RDD of each batch holds the blocks the {@link ReceiverTracker} allocated to it, one partition per
 * block. Once the stream has forgotten a batch, the batch's blocks are deleted.
 *
 * <p>Recovery compares no {@link #parameters()} of it: what it receives is up to its receiver, which is code
 * (a socket stream's address is the receiver's too, and a source may move between runs), and it keeps no
 * position in its source that would belong to one address: its write-ahead log holds blocks already
 * received.
 *
 * @param <T> the record type
 */
public final class ReceiverInputNode<T> extends InputNode<T> {
  private final Receiver<T> receiver;
  private final ReceiverTracker tracker;
  private final String operationName;

  ReceiverInputNode(DStreamGraph graph, Receiver<T> receiver, ReceiverTracker tracker, String operationName) {
    super(graph);
    this.receiver = receiver;
    this.tracker = tracker;
    this.operationName = operationName;
  }

  /**
   * Returns the receiver that feeds this stream.
   *
   * @return the receiver
   */
  public Receiver<T> receiver() {
    return receiver;
  }

  @Override
  protected RDD<T> compute(Time time) {
    return tracker.blockRdd(id(), time);
  }

  @Override
  protected void forgotten(Time upTo) {
    tracker.forget(id(), upTo);
  }

  @Override
  public String operationName() {
    return operationName;
  }
}

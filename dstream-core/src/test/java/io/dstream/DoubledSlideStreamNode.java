package io.dstream;

import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.stream.StreamNode;
import io.dstream.rdd.RDD;
import java.util.List;

/**
 * A test double for a stream that slides twice as far as its parent (as a window would): lets tests combine
 * streams of different slide durations before windowed streams exist. Each of its RDDs is the parent's RDD
 * of the same time.
 *
 * @param <T> the record type
 */
final class DoubledSlideStreamNode<T> extends StreamNode<T> {
  private final StreamNode<T> parent;

  private DoubledSlideStreamNode(StreamNode<T> parent) {
    super(parent.graph());
    this.parent = parent;
  }

  /** Returns a stream over the parent's RDDs at every second batch. */
  static <T> DStream<T> everySecondBatch(DStreamLike<T, ?, ?> stream) {
    return new DStream<>(stream.context(), new DoubledSlideStreamNode<>(stream.node));
  }

  @Override
  public Duration slideDuration() {
    return parent.slideDuration().times(2);
  }

  @Override
  public List<StreamNode<?>> dependencies() {
    return List.of(parent);
  }

  @Override
  protected RddNode<T> compute(Time time) throws Exception {
    return parent.getOrCompute(time);
  }

  @Override
  public String operationName() {
    return "everySecondBatch";
  }
}

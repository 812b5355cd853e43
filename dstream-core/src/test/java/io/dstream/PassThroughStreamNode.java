package io.dstream;

import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.stream.StreamNode;
import java.util.List;

/**
 * A test stream that passes its parent's batches through unchanged. Tests extend it to watch or disturb one
 * step of the engine (compute, completion, clearing) and override only that step.
 *
 * @param <T> the record type
 */
abstract class PassThroughStreamNode<T> extends StreamNode<T> {
  private final StreamNode<T> parent;

  PassThroughStreamNode(StreamNode<T> parent) {
    super(parent.graph());
    this.parent = parent;
  }

  @Override
  public Duration slideDuration() {
    return parent.slideDuration();
  }

  @Override
  public List<StreamNode<?>> dependencies() {
    return List.of(parent);
  }

  @Override
  protected RddNode<T> compute(Time time) throws Exception {
    return parent.getOrCompute(time);
  }
}

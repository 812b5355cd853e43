package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.RddOperations;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code union}: every batch holds the records of the same batch of each parent, side by side, without
 * moving data.
 *
 * @param <T> the record type
 */
public final class UnionStreamNode<T> extends StreamNode<T> {
  private final List<StreamNode<T>> parents;

  /**
   * Creates the stream.
   *
   * @param parents the streams to unite, at least one; all must have the same slide duration
   * @throws IllegalArgumentException if the parents have different slide durations or belong to different
   *     contexts
   * @throws IllegalStateException if the context has already started
   */
  public UnionStreamNode(List<StreamNode<T>> parents) {
    super(SameSlideParents.graphOf("union", parents));
    this.parents = List.copyOf(parents);
  }

  @Override
  protected RddNode<T> compute(Time time) throws Exception {
    List<RddNode<T>> batches = new ArrayList<>(parents.size());
    for (StreamNode<T> parent : parents) {
      RddNode<T> batch = parent.getOrCompute(time);
      if (batch == null) {
        return null;
      }
      batches.add(batch);
    }
    return RddOperations.union(batches);
  }

  @Override
  public Duration slideDuration() {
    return parents.get(0).slideDuration();
  }

  @Override
  public List<StreamNode<?>> dependencies() {
    return List.copyOf(parents);
  }

  @Override
  public String operationName() {
    return "union";
  }
}

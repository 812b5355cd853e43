package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.internal.rdd.RddNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream whose every batch is a user function of the same batch of its parents: {@code transform},
 * {@code transformToPair}, {@code transformWith} and {@code StreamingContext.transform}. The function runs
 * once per batch, on the thread that generates the batch.
 *
 * <p>Recovery compares no {@link #parameters()} of it: all it has besides its operation and parents is its
 * transform, which is code.
 *
 * @param <U> the record type
 */
public final class TransformedStreamNode<U> extends StreamNode<U> {
  private final String operationName;
  private final List<StreamNode<?>> parents;
  private final BatchTransform<U> transform;

  /**
   * Creates the stream.
   *
   * @param operationName the operation's name, such as {@code transform}
   * @param parents the parents; all must have the same slide duration
   * @param transform builds each batch's RDD from the parents' RDDs
   * @throws IllegalArgumentException if the parents have different slide durations or belong to different
   *     contexts
   */
  public TransformedStreamNode(String operationName, List<StreamNode<?>> parents, BatchTransform<U> transform) {
    super(SameSlideParents.graphOf(operationName, parents));
    this.operationName = operationName;
    this.parents = List.copyOf(parents);
    this.transform = transform;
  }

  @Override
  public Duration slideDuration() {
    return parents.get(0).slideDuration();
  }

  @Override
  public List<StreamNode<?>> dependencies() {
    return parents;
  }

  @Override
  protected RddNode<U> compute(Time time) throws Exception {
    List<RddNode<?>> rdds = new ArrayList<>(parents.size());
    for (StreamNode<?> parent : parents) {
      RddNode<?> rdd = parent.getOrCompute(time);
      if (rdd == null) {
        return null;
      }
      rdds.add(rdd);
    }
    RddNode<U> result = transform.apply(rdds, time);
    if (result == null) {
      throw new IllegalStateException("the function of " + this + " returned null for batch " + time
          + "; return an RDD (ssc.emptyRDD() for no records)");
    }
    return result;
  }

  @Override
  public String operationName() {
    return operationName;
  }
}

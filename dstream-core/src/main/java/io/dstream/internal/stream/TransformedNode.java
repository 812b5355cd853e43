package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.rdd.RDD;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream whose every batch is a function of the same batch of its parents: map, filter, reduceByKey,
 * join, union, transform... One class serves every stateless operation; the operation's name says which.
 *
 * <p>Recovery compares no {@link #parameters()} of it: all it has besides its operation and parents is its
 * transform, which is code; the partitioners and partition counts inside ({@code reduceByKey(f, 8)},
 * {@code repartition(4)}) are tuning, which may change across a restart.
 *
 * @param <U> the record type
 */
public final class TransformedNode<U> extends StreamNode<U> {
  private final String operationName;
  private final List<StreamNode<?>> parents;
  private final BatchTransform<U> transform;

  /**
   * Creates the stream.
   *
   * @param operationName the operation's name, such as {@code map}
   * @param parents the parents; all must have the same slide duration
   * @param transform builds each batch's RDD from the parents' RDDs
   * @throws IllegalArgumentException if the parents have different slide durations or belong to different
   *     contexts
   */
  public TransformedNode(String operationName, List<StreamNode<?>> parents, BatchTransform<U> transform) {
    super(validatedGraph(operationName, parents));
    this.operationName = operationName;
    this.parents = List.copyOf(parents);
    this.transform = transform;
  }

  /**
   * Checks the parents before the node registers with the graph, so that a refused operation does not take
   * a stream id and shift the ids of the streams defined after it.
   */
  private static DStreamGraph validatedGraph(String operationName, List<StreamNode<?>> parents) {
    StreamNode<?> first = parents.get(0);
    for (StreamNode<?> other : parents) {
      if (other.graph() != first.graph()) {
        throw new IllegalArgumentException(operationName + " combines streams of different StreamingContexts ("
            + first + " and " + other + "); all streams of one pipeline must come from one context");
      }
      if (!other.slideDuration().equals(first.slideDuration())) {
        throw new IllegalArgumentException(operationName + " combines streams with different slide durations: "
            + first.slideDuration() + " (" + first + ") and " + other.slideDuration() + " (" + other
            + "); window them to the same slide first");
      }
    }
    return first.graph();
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
  protected RDD<U> compute(Time time) throws Exception {
    List<RDD<?>> rdds = new ArrayList<>(parents.size());
    for (StreamNode<?> parent : parents) {
      RDD<?> rdd = parent.getOrCompute(time);
      if (rdd == null) {
        return null;
      }
      rdds.add(rdd);
    }
    RDD<U> result = transform.apply(rdds, time);
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

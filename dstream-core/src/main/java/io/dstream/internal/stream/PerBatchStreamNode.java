package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.internal.rdd.RddNode;
import java.util.List;

/**
 * A stream whose every batch is one RDD operation on the same batch of one parent: the base of the
 * stateless operators ({@link NarrowStreamNode}, {@link CombinedByKeyStreamNode}, {@link RepartitionedStreamNode},
 * {@link CountedStreamNode}, {@link ReducedStreamNode}). A subclass says which operation in {@link #apply}; this class
 * fetches the parent's batch and skips the times at which the parent has none.
 *
 * <p>Recovery compares no {@link #parameters()} of these operators: all they have besides their operation
 * and parent is code and tuning (the partitioners and partition counts of {@code reduceByKey(f, 8)} or
 * {@code repartition(4)}), which may change across a restart.
 *
 * @param <T> the parent's record type
 * @param <U> the record type
 */
public abstract class PerBatchStreamNode<T, U> extends StreamNode<U> {
  private final StreamNode<T> parent;
  private final String operationName;

  /**
   * Creates the stream and registers it with the parent's graph.
   *
   * @param parent the stream it is computed from
   * @param operationName the operation's name, such as {@code map}
   * @throws IllegalStateException if the context has already started
   */
  protected PerBatchStreamNode(StreamNode<T> parent, String operationName) {
    super(parent.graph());
    this.parent = parent;
    this.operationName = operationName;
  }

  /**
   * Builds a batch's RDD from the parent's RDD of the same batch.
   *
   * @param batch the parent's RDD
   * @return the RDD of this stream; computes nothing yet
   */
  protected abstract RddNode<U> apply(RddNode<T> batch);

  @Override
  protected final RddNode<U> compute(Time time) throws Exception {
    RddNode<T> batch = parent.getOrCompute(time);
    return batch == null ? null : apply(batch);
  }

  @Override
  public final Duration slideDuration() {
    return parent.slideDuration();
  }

  @Override
  public final List<StreamNode<?>> dependencies() {
    return List.of(parent);
  }

  @Override
  public final String operationName() {
    return operationName;
  }
}

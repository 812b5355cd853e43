package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.internal.rdd.PairOperations;
import io.dstream.internal.rdd.RddNode;
import io.dstream.rdd.Partitioner;
import java.util.List;

/**
 * A stream whose every batch joins the same batch of two pair streams by key: {@code cogroup}, {@code join},
 * {@code leftOuterJoin}, {@code rightOuterJoin}, {@code fullOuterJoin}. Each side is shuffled unless it is
 * partitioned by the target partitioner already.
 *
 * @param <K> the key type
 * @param <V> the left value type
 * @param <W> the right value type
 * @param <R> the joined value type
 */
public final class JoinedStreamNode<K, V, W, R> extends StreamNode<Tuple2<K, R>> {
  /**
   * A join of two nodes by key, such as {@link PairOperations#join}.
   *
   * @param <K> the key type
   * @param <V> the left value type
   * @param <W> the right value type
   * @param <R> the joined value type
   */
  @FunctionalInterface
  public interface Join<K, V, W, R> {
    /**
     * Joins two nodes.
     *
     * @param left the left pairs
     * @param right the right pairs
     * @param partitioner where keys go
     * @return the joined pairs
     */
    RddNode<Tuple2<K, R>> apply(RddNode<Tuple2<K, V>> left, RddNode<Tuple2<K, W>> right, Partitioner partitioner);
  }

  private final String operationName;
  private final StreamNode<Tuple2<K, V>> left;
  private final StreamNode<Tuple2<K, W>> right;
  private final Join<K, V, W, R> join;
  private final Partitioner partitioner;

  /**
   * Creates the stream.
   *
   * @param operationName the operation's name, such as {@code join}
   * @param left the left stream
   * @param right the right stream, with the same slide duration
   * @param join the join of each batch
   * @param partitioner where keys go, or null for {@code DefaultStreamPartitioner}'s choice for each pair of batches
   * @throws IllegalArgumentException if the streams have different slide durations or belong to different
   *     contexts
   * @throws IllegalStateException if the context has already started
   */
  public JoinedStreamNode(String operationName, StreamNode<Tuple2<K, V>> left, StreamNode<Tuple2<K, W>> right,
      Join<K, V, W, R> join, Partitioner partitioner) {
    super(SameSlideParents.graphOf(operationName, List.of(left, right)));
    this.operationName = operationName;
    this.left = left;
    this.right = right;
    this.join = join;
    this.partitioner = partitioner;
  }

  @Override
  protected RddNode<Tuple2<K, R>> compute(Time time) throws Exception {
    RddNode<Tuple2<K, V>> leftBatch = left.getOrCompute(time);
    RddNode<Tuple2<K, W>> rightBatch = leftBatch == null ? null : right.getOrCompute(time);
    if (rightBatch == null) {
      return null;
    }
    return join.apply(leftBatch, rightBatch,
        partitioner != null ? partitioner : DefaultStreamPartitioner.of(leftBatch, rightBatch));
  }

  @Override
  public Duration slideDuration() {
    return left.slideDuration();
  }

  @Override
  public List<StreamNode<?>> dependencies() {
    return List.of(left, right);
  }

  @Override
  public String operationName() {
    return operationName;
  }
}

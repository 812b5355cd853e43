package io.dstream.internal.stream;

import io.dstream.Tuple2;
import io.dstream.internal.rdd.Aggregator;
import io.dstream.internal.rdd.PairOperations;
import io.dstream.internal.rdd.RddNode;
import io.dstream.rdd.Partitioner;

/**
 * A stream whose every batch combines the values of each key of its parent's batch, through a shuffle
 * unless the batch is partitioned so already: {@code reduceByKey}, {@code groupByKey}, {@code combineByKey},
 * and the per-window step of {@code groupByKeyAndWindow} and {@code reduceByKeyAndWindow}.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <C> the combiner type
 */
public final class CombinedByKeyStreamNode<K, V, C> extends PerBatchStreamNode<Tuple2<K, V>, Tuple2<K, C>> {
  private final Aggregator<K, V, C> aggregator;
  private final Partitioner partitioner;
  private final boolean mapSideCombine;

  /**
   * Creates the stream.
   *
   * @param parent the stream of pairs
   * @param operationName the operation's name, such as {@code reduceByKey}
   * @param aggregator how values become a key's combiner
   * @param partitioner where keys go, or null for {@code DefaultStreamPartitioner}'s choice for each batch
   * @param mapSideCombine whether to combine before the shuffle
   * @throws IllegalStateException if the context has already started
   */
  public CombinedByKeyStreamNode(StreamNode<Tuple2<K, V>> parent, String operationName, Aggregator<K, V, C> aggregator,
      Partitioner partitioner, boolean mapSideCombine) {
    super(parent, operationName);
    this.aggregator = aggregator;
    this.partitioner = partitioner;
    this.mapSideCombine = mapSideCombine;
  }

  @Override
  protected RddNode<Tuple2<K, C>> apply(RddNode<Tuple2<K, V>> batch) {
    Partitioner target = partitioner != null ? partitioner : DefaultStreamPartitioner.of(batch);
    return PairOperations.combineByKey(batch, operationName(), aggregator, target, mapSideCombine);
  }
}

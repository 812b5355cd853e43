package io.dstream.internal.stream;

import io.dstream.internal.rdd.NarrowOperation;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.scaleout.PartitionScope;
import java.util.Optional;

/**
 * A stream whose every batch is a narrow operation of its parent's batch: {@code map}, {@code flatMap},
 * {@code filter}, {@code mapPartitions}, {@code glom}, {@code mapToPair}, {@code flatMapToPair},
 * {@code mapValues}, {@code flatMapValues}, and the two views of {@code mapWithState}. One class serves them
 * all because the operation is data (a named {@link NarrowOperation}, the same one {@code RDD.map} and the
 * others apply), so a stack trace shows this class and then the operation's own name.
 *
 * @param <T> the parent's record type
 * @param <U> the record type
 */
public final class NarrowStreamNode<T, U> extends PerBatchStreamNode<T, U> {
  private final StreamNode<T> parent;
  private final NarrowOperation<T, U> operation;

  /**
   * Creates the stream; its operation name is the operation's.
   *
   * @param parent the stream it is computed from
   * @param operation what each batch does to the parent's batch
   * @throws IllegalStateException if the context has already started
   */
  public NarrowStreamNode(StreamNode<T> parent, NarrowOperation<T, U> operation) {
    super(parent, operation.name());
    this.parent = parent;
    this.operation = operation;
  }

  /** The parent's, if the operation keeps records where they were ({@code mapValues}, {@code filter}). */
  @Override
  public Optional<PartitionScope> partitionScope() {
    return operation.preservesPartitioning() ? parent.partitionScope() : Optional.empty();
  }

  @Override
  protected RddNode<U> apply(RddNode<T> batch) {
    return operation.on(batch);
  }
}

package io.dstream.internal.receiver;

import io.dstream.Time;
import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.RddNode;
import java.util.Iterator;
import java.util.List;

/**
 * The RDD of one batch of a receiver stream: one partition per block the batch took, in the order they
 * were received, read from the block store (or its write-ahead log) when a task computes it. A batch without
 * blocks has no partitions. The record count is known from the blocks' reports, without reading them.
 *
 * @param <T> the record type
 */
final class BlockRddNode<T> extends RddNode<T> {
  private final ReceivedBlockTracker source;
  private final Time batch;
  private final List<ReceivedBlock> blocks;
  private final long count;

  BlockRddNode(Engine engine, ReceivedBlockTracker source, Time batch, List<ReceivedBlock> blocks) {
    super(engine);
    this.source = source;
    this.batch = batch;
    this.blocks = List.copyOf(blocks);
    this.count = blocks.stream().mapToLong(ReceivedBlock::numRecords).sum();
  }

  @Override
  public int numPartitions() {
    return blocks.size();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  protected Iterator<T> compute(int partition) {
    return source.<T>read(blocks.get(partition)).iterator();
  }

  @Override
  public long knownCount() {
    return count;
  }

  @Override
  public String describe() {
    return "ReceivedBlocks of stream " + source.streamId() + " at " + batch;
  }
}

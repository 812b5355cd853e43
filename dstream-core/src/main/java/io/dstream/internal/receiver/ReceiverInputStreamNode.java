package io.dstream.internal.receiver;

import io.dstream.Time;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.InputStreamNode;
import io.dstream.internal.stream.RecoverableInput;
import io.dstream.receiver.Receiver;
import java.util.Set;

/**
 * An input stream fed by a {@link Receiver} ({@code ssc.receiverStream}, {@code socketTextStream}, ...):
 * the RDD of each batch holds the blocks the {@link BlockLedger} allocated to it, one partition per
 * block. Once the stream has forgotten a batch, the batch's blocks are deleted.
 *
 * <p>Recovery compares no {@link #parameters()} of it: what it receives is up to its receiver, which is code
 * (a socket stream's address is the receiver's too, and a source may move between runs), and it keeps no
 * position in its source that would belong to one address: its write-ahead log holds blocks already
 * received.
 *
 * <p>Its progress in the metadata checkpoint is which blocks its batches took, so that recovery can check
 * that the write-ahead log still holds those of the batches it runs again (see {@link MissingBlocksCheck}).
 *
 * @param <T> the record type
 */
public final class ReceiverInputStreamNode<T> extends InputStreamNode<T> implements RecoverableInput {
  private final Receiver<T> receiver;
  private final BlockLedger blocks;
  private final String operationName;

  ReceiverInputStreamNode(DStreamGraph graph, Receiver<T> receiver, BlockLedger blocks, String operationName) {
    super(graph);
    this.receiver = receiver;
    this.blocks = blocks;
    this.operationName = operationName;
  }

  /**
   * Returns the receiver that feeds this stream.
   *
   * @return the receiver
   */
  public Receiver<T> receiver() {
    return receiver;
  }

  @Override
  protected RddNode<T> compute(Time time) {
    return blocks.batchRdd(id(), time);
  }

  @Override
  protected void forgotten(Time upTo) {
    blocks.forget(id(), upTo);
  }

  @Override
  public Object progress() {
    return blocks.progress(id());
  }

  @Override
  public void restoreProgress(Object progress) {
    if (!(progress instanceof ReceivedBlocksProgress received)) {
      throw new IllegalStateException("the checkpoint holds " + (progress == null ? "null" : "a "
          + progress.getClass().getName()) + " as the progress of " + this + ", not the blocks its batches took");
    }
    blocks.expectReceived(id(), received);
  }

  @Override
  public void forgetProgress(Time completed, Set<Time> unfinished, Time recomputedAfter) {
    // The ledger forgets the allocations; the progress is read from it.
  }

  @Override
  public String operationName() {
    return operationName;
  }
}

package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.internal.rdd.RddNode;
import java.util.List;

/**
 * A stream with no parents that produces one RDD per batch from a source.
 *
 * @param <T> the record type
 */
public abstract class InputStreamNode<T> extends StreamNode<T> {

  /**
   * Creates the node and registers it as an input of the graph.
   *
   * @param graph the graph
   */
  protected InputStreamNode(DStreamGraph graph) {
    super(graph);
    graph.addInput(this);
  }

  @Override
  public final Duration slideDuration() {
    return graph().batchDuration();
  }

  @Override
  public final List<StreamNode<?>> dependencies() {
    return List.of();
  }

  /**
   * Called once when the context starts, after the streams are initialized and before the first batch (and
   * before recovery restores progress into a {@link RecoverableInput}): the place to note the start time.
   *
   * @param startTimeMillis the clock's time at start
   */
  protected void onStart(long startTimeMillis) {}

  /**
   * Called once when the context has stopped, after its jobs ended and its worker threads were closed: the place
   * to close connections to the source. Not called for a context that never started.
   */
  protected void onStop() {}

  /**
   * Tells whether this input can compute a batch before its time, so that {@code slice} may compute the
   * batches after the latest one, as Spark's does: true only if what a batch holds is decided as well now
   * as at its time, and taking it early loses nothing. A receiver's or Kafka stream's data for a later batch
   * is not there yet, and a file stream's batch takes the files present when it is computed.
   *
   * @return false unless overridden
   */
  protected boolean computesAhead() {
    return false;
  }

  /**
   * Returns how many records this input put into a batch, if known without running a job.
   *
   * @param time the batch time
   * @return the count, or -1 if unknown
   */
  public long recordCount(Time time) {
    RddNode<T> rdd = generatedRdd(time);
    return rdd == null ? -1 : rdd.knownCount();
  }
}

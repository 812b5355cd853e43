package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.internal.rdd.RddNode;
import io.dstream.rdd.RDD;
import java.util.List;

/**
 * An output operation: for every batch in which its parent has an RDD, a job that applies a function to
 * that RDD. print, foreachRDD and saveAs... are all this node with different functions.
 *
 * <p>Recovery compares no {@link #parameters()} of it: an output holds no records and nothing is restored
 * into it, so what it does with a batch (how many records print shows, where saveAsTextFiles writes) may
 * change across a restart like any function; the batches run again after recovery follow the new code.
 *
 * @param <T> the parent's record type
 */
public final class ForEachStreamNode<T> extends StreamNode<Void> {
  private final StreamNode<T> parent;
  private final BatchOutput<T> output;
  private final String description;
  private final int outputOpId;

  /**
   * Creates the output operation and registers it with the graph, after those defined before it.
   *
   * @param parent the stream to output
   * @param output what to do with each batch's RDD
   * @param description where the operation was defined, such as {@code print at App.java:42}
   */
  public ForEachStreamNode(StreamNode<T> parent, BatchOutput<T> output, String description) {
    super(parent.graph());
    this.parent = parent;
    this.output = output;
    this.description = description;
    this.outputOpId = parent.graph().addOutput(this);
  }

  @Override
  public Duration slideDuration() {
    return parent.slideDuration();
  }

  @Override
  public List<StreamNode<?>> dependencies() {
    return List.of(parent);
  }

  @Override
  protected RddNode<Void> compute(Time time) {
    return null;
  }

  /**
   * Returns the job of a batch, building the parent's RDD lineage now; the job computes it later.
   *
   * @param time the batch time
   * @return the job, or null if the parent has no RDD at that time
   * @throws Exception whatever a user function run at generation time throws
   */
  public Job generateJob(Time time) throws Exception {
    RddNode<T> batch = parent.getOrCompute(time);
    if (batch == null) {
      return null;
    }
    return new Job(time, outputOpId, description, () -> output.run(batch, time));
  }

  /**
   * Returns the job of a batch whose generation failed: it fails with that error when it runs.
   *
   * @param time the batch time
   * @param error what generating the batch threw
   * @return the failing job
   */
  public Job failedJob(Time time, Throwable error) {
    return Job.failing(time, outputOpId, description, error);
  }

  /**
   * Returns where the operation was defined.
   *
   * @return such as {@code print at App.java:42}
   */
  public String description() {
    return description;
  }

  /**
   * Returns the kind of output operation: the first word of its description, such as {@code print} or
   * {@code saveAsTextFiles}.
   *
   * @return the kind
   */
  @Override
  public String operationName() {
    int space = description.indexOf(' ');
    return space < 0 ? description : description.substring(0, space);
  }
}

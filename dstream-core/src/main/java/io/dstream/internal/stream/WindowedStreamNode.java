package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.PartitionerAwareUnionRddNode;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.RddOperations;
import io.dstream.rdd.Partitioner;
import io.dstream.storage.StorageLevel;
import java.util.List;
import java.util.Map;

/**
 * A sliding window over a stream ({@code window}): at every time {@code t} on its slide grid, the union of
 * the parent's RDDs in {@code (t - window, t]}.
 *
 * <p>Each parent RDD belongs to several windows, so the parent is persisted (at
 * {@link StorageLevel#MEMORY_ONLY_SER} unless the user chose a level) and remembered for one window length
 * longer than this stream needs; the unions themselves are not copied. When all RDDs of a window share a
 * partitioner, the union keeps it, so that a by-key operation on the window with the same partitioner
 * needs no shuffle.
 *
 * @param <T> the record type
 */
public final class WindowedStreamNode<T> extends StreamNode<T> {
  private final StreamNode<T> parent;
  private final WindowSpec spec;
  private final Engine engine;

  /**
   * Creates the window and persists the parent if it is not persisted already.
   *
   * @param parent the stream to window
   * @param spec the window's durations, checked against the parent
   * @param engine the engine of the empty RDD of a window without any parent RDD
   * @throws IllegalStateException if the context has already started
   */
  public WindowedStreamNode(StreamNode<T> parent, WindowSpec spec, Engine engine) {
    super(parent.graph());
    this.parent = parent;
    this.spec = spec;
    this.engine = engine;
    if (!parent.storageLevel().isValid()) {
      parent.persist(StorageLevel.MEMORY_ONLY_SER);
    }
  }

  @Override
  public Duration slideDuration() {
    return spec.slide();
  }

  @Override
  public List<StreamNode<?>> dependencies() {
    return List.of(parent);
  }

  @Override
  protected Duration parentRememberDuration() {
    return rememberDuration().plus(spec.window());
  }

  @Override
  protected RddNode<T> compute(Time time) throws Exception {
    List<RddNode<T>> batches = WindowSpec.rddsIn(parent, time.minus(spec.window()), time);
    if (batches.isEmpty()) {
      return RddOperations.empty(engine);
    }
    Partitioner common = PartitionerAwareUnionRddNode.commonPartitioner(batches);
    return common != null
        ? new PartitionerAwareUnionRddNode<>(engine, batches, common)
        : RddOperations.union(batches);
  }

  /**
   * A window of whole records holds the batches this instance processed, which a partition moving to another
   * instance would leave behind, so a scale-out application refuses it; its by-key windows are kept per key
   * instead ({@link KeyedWindowStreamNode}).
   */
  @Override
  protected void checkCanStart() {
    refuseInScaleOut("a window of whole records holds only the batches this instance processed, and partitions "
        + "move between instances; send the pairs through a Kafka topic and use reduceByKeyAndWindow or "
        + "groupByKeyAndWindow, which keep their windows per key");
  }

  @Override
  public String operationName() {
    return "window";
  }

  /** Its durations: see {@link WindowSpec#parameters()}. */
  @Override
  public Map<String, String> parameters() {
    return spec.parameters();
  }
}

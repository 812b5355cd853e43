package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.internal.rdd.PartitionerAwareUnionNode;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.UnionNode;
import io.dstream.rdd.Partitioner;
import io.dstream.rdd.RDD;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
public final class WindowedNode<T> extends StreamNode<T> {
  private final StreamNode<T> parent;
  private final WindowSpec spec;
  private final Supplier<RDD<T>> emptyRdd;

  /**
   * Creates the window and persists the parent if it is not persisted already.
   *
   * @param parent the stream to window
   * @param spec the window's durations, checked against the parent
   * @param emptyRdd makes the empty RDD of a window without any parent RDD
   * @throws IllegalStateException if the context has already started
   */
  public WindowedNode(StreamNode<T> parent, WindowSpec spec, Supplier<RDD<T>> emptyRdd) {
    super(parent.graph());
    this.parent = parent;
    this.spec = spec;
    this.emptyRdd = emptyRdd;
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
  protected RDD<T> compute(Time time) throws Exception {
    List<RDD<T>> rdds = WindowSpec.rddsIn(parent, time.minus(spec.window()), time);
    if (rdds.isEmpty()) {
      return emptyRdd.get();
    }
    List<RddNode<T>> nodes = new ArrayList<>(rdds.size());
    for (RDD<T> rdd : rdds) {
      nodes.add(RddAccess.node(rdd));
    }
    Partitioner common = PartitionerAwareUnionNode.commonPartitioner(nodes);
    RddNode<T> union = common != null
        ? new PartitionerAwareUnionNode<>(nodes.get(0).engine(), nodes, common)
        : new UnionNode<>(nodes.get(0).engine(), nodes);
    return RddAccess.rdd(union);
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

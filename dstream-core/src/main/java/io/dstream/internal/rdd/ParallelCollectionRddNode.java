package io.dstream.internal.rdd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A source node over an in-memory list, cut into contiguous slices ({@code ssc.parallelize}).
 *
 * @param <T> the record type
 */
public final class ParallelCollectionRddNode<T> extends RddNode<T> {
  private final List<List<T>> slices;
  private final long count;

  /**
   * Slices a list. The list is copied, so later changes to it do not change the dataset.
   *
   * @param engine the engine
   * @param data the records
   * @param numSlices the number of partitions; zero gives an empty dataset with no partitions
   */
  public ParallelCollectionRddNode(Engine engine, List<T> data, int numSlices) {
    super(engine);
    // Copied (later changes to the caller's list do not show) and read-only (nor do Iterator.remove() calls).
    List<T> copy = Collections.unmodifiableList(new ArrayList<>(data));
    List<List<T>> cut = new ArrayList<>(numSlices);
    for (int i = 0; i < numSlices; i++) {
      int from = (int) ((long) i * copy.size() / numSlices);
      int to = (int) ((long) (i + 1) * copy.size() / numSlices);
      cut.add(copy.subList(from, to));
    }
    this.slices = cut;
    this.count = copy.size();
  }

  @Override
  public int numPartitions() {
    return slices.size();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  protected Iterator<T> compute(int partition) {
    return slices.get(partition).iterator();
  }

  @Override
  public long knownCount() {
    return count;
  }
}

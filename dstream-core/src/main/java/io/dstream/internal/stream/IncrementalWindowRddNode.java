package io.dstream.internal.stream;

import io.dstream.Tuple2;
import io.dstream.function.Function;
import io.dstream.function.Function2;
import io.dstream.internal.rdd.CombineMap;
import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.KeepingRddNode;
import io.dstream.internal.rdd.NarrowDependency;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.UserCodeException;
import io.dstream.internal.rdd.ValueCopier;
import io.dstream.rdd.Partitioner;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One result of the incremental {@code reduceByKeyAndWindow} ({@link ReducedWindowedStreamNode}): partition
 * {@code p} is a copy of the previous result's map of partition {@code p}, with the batches that left the window
 * inverse-reduced out and those that entered reduced in, in place, then filtered. A slide costs one lookup per
 * key of the moving batches and two array copies, and nothing is shuffled: the batches are partitioned as the
 * window is.
 *
 * <p>Each partition's map is kept by this node (and the records are read from it), so the next result starts
 * from it without reading or hashing it again; once every partition is kept, the node lets go of the previous
 * result and of the batches, so its lineage ends here. A result is never changed once kept: the next one
 * updates a copy, so whoever holds an earlier result's RDD still reads that window.
 *
 * <p>Values are never handed out or given to a function as a first argument as they are kept: the reduce and
 * inverse functions may modify their first argument, and so may functions downstream modify the records they
 * read, so each gets its own copy ({@link ValueCopier}, which does not copy immutable values such as boxed
 * numbers).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class IncrementalWindowRddNode<K, V> extends KeepingRddNode<Tuple2<K, V>> {
  private final Function2<V, V, V> reduce;
  private final Function2<V, V, V> invReduce;
  private final Function<Tuple2<K, V>, Boolean> filter;
  private final ValueCopier copier;
  private final AtomicReferenceArray<Partition<K, V>> partitions;
  private volatile Inputs<K, V> inputs;

  /** What a result is computed from, let go of once every partition is kept. */
  private record Inputs<K, V>(IncrementalWindowRddNode<K, V> previous, List<RddNode<Tuple2<K, V>>> leaving,
      List<RddNode<Tuple2<K, V>>> entering, List<Dependency> dependencies) {}

  /**
   * Creates a result.
   *
   * @param previous the previous window's result, or null to reduce the entering batches alone
   * @param leaving the batches that left the window since {@code previous}, oldest first
   * @param entering the batches that entered it, oldest first
   * @param partitioner the partitioner of the window and of every batch
   * @param reduce the reduce function
   * @param invReduce its inverse
   * @param filter which keys to keep, or null to keep all
   * @throws IllegalStateException if a batch is not partitioned by {@code partitioner}
   */
  IncrementalWindowRddNode(IncrementalWindowRddNode<K, V> previous, List<RddNode<Tuple2<K, V>>> leaving,
      List<RddNode<Tuple2<K, V>>> entering, Partitioner partitioner, Function2<V, V, V> reduce,
      Function2<V, V, V> invReduce, Function<Tuple2<K, V>, Boolean> filter) {
    super(entering.isEmpty() ? previous.engine() : entering.get(0).engine(), partitioner.numPartitions(),
        partitioner);
    this.reduce = reduce;
    this.invReduce = invReduce;
    this.filter = filter;
    this.copier = engine().valueCopier();
    this.partitions = new AtomicReferenceArray<>(partitioner.numPartitions());
    List<Dependency> dependencies = new ArrayList<>();
    if (previous != null) {
      dependencies.add(new NarrowDependency(previous));
    }
    for (RddNode<Tuple2<K, V>> batch : concat(leaving, entering)) {
      if (!partitioner.equals(batch.partitioner())) {
        throw new IllegalStateException("reduceByKeyAndWindow: a batch partitioned by " + batch.partitioner()
            + " cannot be merged in place into a window partitioned by " + partitioner + "; reduce each batch "
            + "by key with the window's partitioner first");
      }
      dependencies.add(new NarrowDependency(batch));
    }
    this.inputs = new Inputs<>(previous, List.copyOf(leaving), List.copyOf(entering), List.copyOf(dependencies));
  }

  @Override
  public List<Dependency> dependencies() {
    Inputs<K, V> current = inputs;
    return current == null ? List.of() : current.dependencies();
  }

  @Override
  public String describe() {
    return "reduceByKeyAndWindow";
  }

  @Override
  protected List<Tuple2<K, V>> computeOnce(int partition) {
    Inputs<K, V> current = inputs;
    if (current == null) {
      throw new IllegalStateException(this + " has let go of its inputs but not kept partition " + partition);
    }
    try {
      CombineMap window = current.previous() == null ? new CombineMap()
          : current.previous().partition(partition).values.copy();
      subtract(window, reduced(current.leaving(), partition));
      add(window, reduced(current.entering(), partition));
      Partition<K, V> result = new Partition<>(filter == null ? window : filtered(window), copier);
      partitions.set(partition, result);
      return result;
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
  }

  @Override
  protected void releaseInputs() {
    inputs = null;
  }

  /** Returns a kept partition, computing it first if no job did. */
  private Partition<K, V> partition(int partition) {
    Partition<K, V> kept = partitions.get(partition);
    if (kept == null) {
      iterator(partition);
      kept = partitions.get(partition);
    }
    return kept;
  }

  /**
   * Returns the records of one partition of batches, each key's values reduced over the batches (in batch
   * order, as a plain reduce of the batches would): a single batch's records as they are, being reduced by key
   * already.
   */
  private Iterator<Tuple2<K, V>> reduced(List<RddNode<Tuple2<K, V>>> batches, int partition) throws Exception {
    if (batches.size() == 1) {
      return batches.get(0).iterator(partition);
    }
    CombineMap merged = new CombineMap();
    for (RddNode<Tuple2<K, V>> batch : batches) {
      add(merged, batch.iterator(partition));
    }
    return merged.entries((key, value) -> new Tuple2<>(key(key), value(value)));
  }

  private void subtract(CombineMap window, Iterator<Tuple2<K, V>> leaving) throws Exception {
    while (leaving.hasNext()) {
      Tuple2<K, V> record = leaving.next();
      int slot = window.find(record._1());
      if (slot < 0) {
        throw new IllegalStateException("reduceByKeyAndWindow: key " + record._1() + " has values leaving the "
            + "window but none in the previous window's result. The filter function must drop only keys with "
            + "nothing left in the window (such as a zero count), and keys must have consistent equals() and "
            + "hashCode()");
      }
      window.setValueAt(slot, invReduce.call(copyOf(window.valueAt(slot)), record._2()));
    }
  }

  /** Reduces records into a map in place, each key's value with its records' values in their order. */
  private void add(CombineMap map, Iterator<Tuple2<K, V>> records) throws Exception {
    while (records.hasNext()) {
      Tuple2<K, V> record = records.next();
      int slot = map.find(record._1());
      if (slot >= 0) {
        map.setValueAt(slot, reduce.call(copyOf(map.valueAt(slot)), record._2()));
      } else {
        map.insert(slot, record._1(), record._2());
      }
    }
  }

  /** Returns the keys the filter keeps, in a new map: an open-addressing map cannot drop a key in place. */
  private CombineMap filtered(CombineMap window) throws Exception {
    CombineMap kept = new CombineMap();
    for (int slot : window.occupiedSlots()) {
      K key = key(window.keyAt(slot));
      V value = value(window.valueAt(slot));
      if (filter.call(new Tuple2<>(key, copier.copy(value)))) {
        kept.insert(kept.find(key), key, value);
      }
    }
    return kept;
  }

  private V copyOf(Object value) {
    return copier.copy(value(value));
  }

  @SuppressWarnings("unchecked")
  private static <K> K key(Object key) {
    return (K) key;
  }

  @SuppressWarnings("unchecked")
  private static <V> V value(Object value) {
    return (V) value;
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /**
   * One partition of a result: its map, never changed once kept, read as records by index (slot order), each
   * value copied as it is read.
   */
  private static final class Partition<K, V> extends AbstractList<Tuple2<K, V>> implements RandomAccess {
    private final CombineMap values;
    private final int[] slots;
    private final ValueCopier copier;

    Partition(CombineMap values, ValueCopier copier) {
      this.values = values;
      this.slots = values.occupiedSlots();
      this.copier = copier;
    }

    @Override
    public Tuple2<K, V> get(int index) {
      int slot = slots[index];
      return new Tuple2<>(key(values.keyAt(slot)), copier.copy(value(values.valueAt(slot))));
    }

    @Override
    public int size() {
      return slots.length;
    }
  }
}

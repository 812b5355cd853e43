package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.rdd.Partitioner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A dependency that redistributes the parent's key-value records by key: an in-memory hash shuffle.
 *
 * <p>A map task ({@link #writeMapOutput}) splits one parent partition into one bucket per reduce partition,
 * combining values by key on the map side when asked. Once every map task has run, the outputs are
 * published ({@link #publish}) and kept for as long as this dependency is reachable, so later jobs over
 * the same lineage (windows, state) do not shuffle again. Records are passed by reference, never copied
 * or serialized.
 *
 * @param <K> the key type
 * @param <V> the parent's value type
 * @param <C> the combiner type (the value type when there is no aggregator)
 */
public final class ShuffleDependency<K, V, C> implements Dependency {
  private final RddNode<Tuple2<K, V>> parent;
  private final Partitioner partitioner;
  private final Aggregator<K, V, C> aggregator;
  private final boolean mapSideCombine;
  private final int shuffleId;
  private volatile Object[][] mapOutputs;

  /**
   * Creates a shuffle of a parent.
   *
   * @param parent the parent of key-value records
   * @param partitioner where each key goes
   * @param aggregator how values of a key are combined, or null to pass records through
   * @param mapSideCombine whether map tasks combine values before the shuffle (needs an aggregator)
   */
  public ShuffleDependency(RddNode<Tuple2<K, V>> parent, Partitioner partitioner, Aggregator<K, V, C> aggregator,
      boolean mapSideCombine) {
    if (mapSideCombine && aggregator == null) {
      throw new IllegalArgumentException("map-side combine needs an aggregator");
    }
    this.parent = parent;
    this.partitioner = partitioner;
    this.aggregator = aggregator;
    this.mapSideCombine = mapSideCombine;
    this.shuffleId = parent.engine().nextShuffleId();
  }

  @Override
  public RddNode<Tuple2<K, V>> parent() {
    return parent;
  }

  /**
   * Returns the partitioner that places keys.
   *
   * @return the partitioner
   */
  public Partitioner partitioner() {
    return partitioner;
  }

  /**
   * Returns this shuffle's id, unique within its engine.
   *
   * @return the id
   */
  public int shuffleId() {
    return shuffleId;
  }

  /**
   * Tells whether every map task's output is published.
   *
   * @return true once {@link #publish} has run
   */
  public boolean isAvailable() {
    return mapOutputs != null;
  }

  /**
   * Runs one map task: splits the records of a parent partition into one bucket per reduce partition.
   *
   * @param records the records of the parent partition
   * @return the buckets: maps of combiners with map-side combine, lists of records otherwise
   */
  public Object[] writeMapOutput(Iterator<Tuple2<K, V>> records) {
    int reducers = partitioner.numPartitions();
    Object[] buckets = new Object[reducers];
    if (mapSideCombine) {
      for (int r = 0; r < reducers; r++) {
        buckets[r] = new CombineMap();
      }
      while (records.hasNext()) {
        Tuple2<K, V> record = requirePair(records.next());
        K key = record._1();
        aggregator.addValue((CombineMap) buckets[partitionOf(key, reducers)], key, record._2());
      }
    } else {
      for (int r = 0; r < reducers; r++) {
        buckets[r] = new ArrayList<>();
      }
      while (records.hasNext()) {
        Tuple2<K, V> record = requirePair(records.next());
        @SuppressWarnings("unchecked")
        List<Tuple2<K, V>> bucket = (List<Tuple2<K, V>>) buckets[partitionOf(record._1(), reducers)];
        bucket.add(record);
      }
    }
    return buckets;
  }

  private int partitionOf(K key, int reducers) {
    int partition = partitioner.getPartition(key);
    if (partition < 0 || partition >= reducers) {
      throw new IllegalStateException(partitioner.getClass().getName() + " put the key " + key + " in partition "
          + partition + ", outside [0, " + reducers + "); getPartition must return 0 to numPartitions() - 1");
    }
    return partition;
  }

  /**
   * Checks that a record of a pair dataset is a pair, so that a function that produced null fails with a
   * message rather than a NullPointerException deep in the shuffle.
   *
   * @param record the record
   * @param <P> the record type
   * @return the record
   * @throws IllegalStateException if it is null
   */
  static <P extends Tuple2<?, ?>> P requirePair(P record) {
    if (record == null) {
      throw new IllegalStateException("a pair dataset holds a null record instead of a Tuple2; the function "
          + "that made it (mapToPair, flatMapToPair, transformToPair...) must not return null pairs");
    }
    return record;
  }

  /**
   * Publishes the outputs of all map tasks, making the shuffle readable.
   *
   * @param outputs one bucket array per parent partition, in partition order
   */
  public void publish(Object[][] outputs) {
    this.mapOutputs = outputs;
  }

  /**
   * Counts the records a reduce partition reads, without reading them, for a reader that sizes its arrays.
   *
   * @param reducePartition the partition index
   * @return the number of records, or -1 if this shuffle combines by key (then it is known only once read)
   * @throws IllegalStateException if the map outputs were not published
   */
  public int recordCount(int reducePartition) {
    Object[][] outputs = mapOutputs;
    if (outputs == null) {
      throw new IllegalStateException("shuffle " + shuffleId + " was counted before its map stage ran");
    }
    if (aggregator != null) {
      return -1;
    }
    int count = 0;
    for (Object[] buckets : outputs) {
      count += ((List<?>) buckets[reducePartition]).size();
    }
    return count;
  }

  /**
   * Reads one reduce partition: the records of every map task's bucket for it, combined by key if this
   * shuffle has an aggregator.
   *
   * @param reducePartition the partition index
   * @return records {@code (key, combiner)} with an aggregator, the parent's records otherwise
   * @throws IllegalStateException if the map outputs were not published
   */
  @SuppressWarnings("unchecked")
  public Iterator<Tuple2<K, C>> read(int reducePartition) {
    Object[][] outputs = mapOutputs;
    if (outputs == null) {
      throw new IllegalStateException("shuffle " + shuffleId + " was read before its map stage ran");
    }
    if (aggregator == null) {
      // Read-only: the buckets are kept for later reads.
      return Iterators.concat(outputs.length,
          map -> Collections.unmodifiableList((List<Tuple2<K, C>>) outputs[map][reducePartition]).iterator());
    }
    CombineMap combined = new CombineMap();
    for (Object[] buckets : outputs) {
      if (mapSideCombine) {
        ((CombineMap) buckets[reducePartition]).forEach((key, stored) -> aggregator.addCombiner(combined, key, stored));
      } else {
        for (Tuple2<K, V> record : (List<Tuple2<K, V>>) buckets[reducePartition]) {
          aggregator.addValue(combined, record._1(), record._2());
        }
      }
    }
    return Aggregator.records(combined);
  }
}

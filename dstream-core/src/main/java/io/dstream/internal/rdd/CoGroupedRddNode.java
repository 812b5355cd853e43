package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.rdd.Partitioner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Groups the values of several key-value parents by key: for each key, one list of values per parent.
 * The base of cogroup and of every join.
 *
 * <p>A parent already partitioned by the target partitioner is read narrowly (no shuffle), as in Spark;
 * the others are shuffled.
 *
 * @param <K> the key type
 */
public final class CoGroupedRddNode<K> extends RddNode<Tuple2<K, List<List<Object>>>> {
  private final List<Dependency> dependencies;
  private final Partitioner partitioner;

  /**
   * Creates the node.
   *
   * @param engine the engine
   * @param parents the key-value parents
   * @param partitioner where keys go
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public CoGroupedRddNode(Engine engine, List<RddNode<? extends Tuple2<K, ?>>> parents, Partitioner partitioner) {
    super(engine);
    this.partitioner = partitioner;
    List<Dependency> deps = new ArrayList<>(parents.size());
    for (RddNode<? extends Tuple2<K, ?>> parent : parents) {
      if (partitioner.equals(parent.partitioner())) {
        deps.add(new NarrowDependency(parent));
      } else {
        deps.add(new ShuffleDependency(parent, partitioner, null, false));
      }
    }
    this.dependencies = Collections.unmodifiableList(deps);
  }

  @Override
  public int numPartitions() {
    return partitioner.numPartitions();
  }

  @Override
  public List<Dependency> dependencies() {
    return dependencies;
  }

  @Override
  public Partitioner partitioner() {
    return partitioner;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected Iterator<Tuple2<K, List<List<Object>>>> compute(int partition) {
    int n = dependencies.size();
    Map<K, List<List<Object>>> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Dependency dep = dependencies.get(i);
      Iterator<? extends Tuple2<K, ?>> records = dep instanceof ShuffleDependency<?, ?, ?> shuffle
          ? ((ShuffleDependency<K, ?, ?>) shuffle).read(partition)
          : ((RddNode<? extends Tuple2<K, ?>>) dep.parent()).iterator(partition);
      while (records.hasNext()) {
        Tuple2<K, ?> record = ShuffleDependency.requirePair(records.next());
        List<List<Object>> lists = groups.get(record._1());
        if (lists == null) {
          lists = new ArrayList<>(n);
          for (int j = 0; j < n; j++) {
            lists.add(new ArrayList<>());
          }
          groups.put(record._1(), lists);
        }
        lists.get(i).add(record._2());
      }
    }
    Iterator<Map.Entry<K, List<List<Object>>>> entries = groups.entrySet().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public Tuple2<K, List<List<Object>>> next() {
        Map.Entry<K, List<List<Object>>> e = entries.next();
        return new Tuple2<>(e.getKey(), e.getValue());
      }
    };
  }
}

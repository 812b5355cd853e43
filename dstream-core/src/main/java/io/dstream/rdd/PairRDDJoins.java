package io.dstream.rdd;

import io.dstream.Tuple2;
import io.dstream.Tuple3;
import io.dstream.Tuple4;
import io.dstream.checkpoint.internal.Arguments;
import io.dstream.internal.rdd.PairCoGroups;
import io.dstream.internal.rdd.PairOperations;
import io.dstream.internal.rdd.RddNode;
import java.util.Optional;

/**
 * The joins and cogroups of {@link PairRDD}, which extends this class: kept apart so that each file holds one
 * concern. Users never name this class; its methods are documented as {@code PairRDD}'s, and its examples use
 * {@code pairs} and {@code other} as {@link PairRDD}'s class documentation defines them.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
abstract class PairRDDJoins<K, V> extends RDD<Tuple2<K, V>> {

  PairRDDJoins(RddNode<Tuple2<K, V>> node) {
    super(node);
  }

  /**
   * Groups this RDD's and another's values by key: for each key present in either, both lists of values.
   * Shuffles each side not already partitioned by the target partitioner.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Iterable<Integer>, Iterable<String>>> both = pairs.cogroup(other);
   * // (a,([1, 3],[x])), (b,([2],[])), (c,([],[y]))
   * }</pre>
   *
   * @param other the other pair RDD
   * @param <W> the other's value type
   * @return one record per key
   */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return cogroup(other, defaultPartitioner(other));
  }

  /**
   * Cogroups into the given number of partitions; otherwise as {@link #cogroup(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Iterable<Integer>, Iterable<String>>> both = pairs.cogroup(other, 4);
   * }</pre>
   *
   * @param other the other pair RDD
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return one record per key
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return cogroup(other, PairOperations.hash("cogroup", numPartitions));
  }

  /**
   * Cogroups into the partitioner's layout; otherwise as {@link #cogroup(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Iterable<Integer>, Iterable<String>>> both =
   *     pairs.cogroup(other, new HashPartitioner(4));
   * }</pre>
   *
   * @param other the other pair RDD
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return one record per key
   */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.cogroup(node, other.node, partitioner));
  }

  /**
   * Groups this RDD's and two others' values by key: for each key present in any of them, the three lists of
   * values. Shuffles each side not already partitioned by the target partitioner.
   *
   * <pre>{@code
   * PairRDD<String, Boolean> flags = ssc.parallelizePairs(List.of(new Tuple2<>("b", true)));
   * PairRDD<String, Tuple3<Iterable<Integer>, Iterable<String>, Iterable<Boolean>>> all =
   *     pairs.cogroup(other, flags);
   * // (a,([1, 3],[x],[])), (b,([2],[],[true])), (c,([],[y],[]))
   * }</pre>
   *
   * @param other1 the second pair RDD
   * @param other2 the third pair RDD
   * @param <W1> the second's value type
   * @param <W2> the third's value type
   * @return one record per key
   */
  public <W1, W2> PairRDD<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> cogroup(PairRDD<K, W1> other1,
      PairRDD<K, W2> other2) {
    Arguments.requireNonNull(other1, "other1");
    Arguments.requireNonNull(other2, "other2");
    return cogroup(other1, other2, defaultPartitioner(other1, other2));
  }

  /**
   * Cogroups with two others into the given number of partitions; otherwise as
   * {@link #cogroup(PairRDD, PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple3<Iterable<Integer>, Iterable<String>, Iterable<Boolean>>> all =
   *     pairs.cogroup(other, flags, 4);
   * }</pre>
   *
   * @param other1 the second pair RDD
   * @param other2 the third pair RDD
   * @param numPartitions the number of partitions
   * @param <W1> the second's value type
   * @param <W2> the third's value type
   * @return one record per key
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W1, W2> PairRDD<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> cogroup(PairRDD<K, W1> other1,
      PairRDD<K, W2> other2, int numPartitions) {
    Arguments.requireNonNull(other1, "other1");
    Arguments.requireNonNull(other2, "other2");
    return cogroup(other1, other2, PairOperations.hash("cogroup", numPartitions));
  }

  /**
   * Cogroups with two others into the partitioner's layout; otherwise as {@link #cogroup(PairRDD, PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple3<Iterable<Integer>, Iterable<String>, Iterable<Boolean>>> all =
   *     pairs.cogroup(other, flags, new HashPartitioner(4));
   * }</pre>
   *
   * @param other1 the second pair RDD
   * @param other2 the third pair RDD
   * @param partitioner where keys go
   * @param <W1> the second's value type
   * @param <W2> the third's value type
   * @return one record per key
   */
  public <W1, W2> PairRDD<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> cogroup(PairRDD<K, W1> other1,
      PairRDD<K, W2> other2, Partitioner partitioner) {
    Arguments.requireNonNull(other1, "other1");
    Arguments.requireNonNull(other2, "other2");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairCoGroups.cogroup(node, other1.node, other2.node, partitioner));
  }

  /**
   * Groups this RDD's and three others' values by key: for each key present in any of them, the four lists of
   * values. Shuffles each side not already partitioned by the target partitioner.
   *
   * <pre>{@code
   * PairRDD<String, Long> counts = ssc.parallelizePairs(List.of(new Tuple2<>("c", 9L)));
   * PairRDD<String, Tuple4<Iterable<Integer>, Iterable<String>, Iterable<Boolean>, Iterable<Long>>> all =
   *     pairs.cogroup(other, flags, counts);
   * // (a,([1, 3],[x],[],[])), (b,([2],[],[true],[])), (c,([],[y],[],[9]))
   * }</pre>
   *
   * @param other1 the second pair RDD
   * @param other2 the third pair RDD
   * @param other3 the fourth pair RDD
   * @param <W1> the second's value type
   * @param <W2> the third's value type
   * @param <W3> the fourth's value type
   * @return one record per key
   */
  public <W1, W2, W3> PairRDD<K, Tuple4<Iterable<V>, Iterable<W1>, Iterable<W2>, Iterable<W3>>> cogroup(
      PairRDD<K, W1> other1, PairRDD<K, W2> other2, PairRDD<K, W3> other3) {
    Arguments.requireNonNull(other1, "other1");
    Arguments.requireNonNull(other2, "other2");
    Arguments.requireNonNull(other3, "other3");
    return cogroup(other1, other2, other3, defaultPartitioner(other1, other2, other3));
  }

  /**
   * Cogroups with three others into the given number of partitions; otherwise as
   * {@link #cogroup(PairRDD, PairRDD, PairRDD)}.
   *
   * <pre>{@code
   * var all = pairs.cogroup(other, flags, counts, 4);
   * }</pre>
   *
   * @param other1 the second pair RDD
   * @param other2 the third pair RDD
   * @param other3 the fourth pair RDD
   * @param numPartitions the number of partitions
   * @param <W1> the second's value type
   * @param <W2> the third's value type
   * @param <W3> the fourth's value type
   * @return one record per key
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W1, W2, W3> PairRDD<K, Tuple4<Iterable<V>, Iterable<W1>, Iterable<W2>, Iterable<W3>>> cogroup(
      PairRDD<K, W1> other1, PairRDD<K, W2> other2, PairRDD<K, W3> other3, int numPartitions) {
    Arguments.requireNonNull(other1, "other1");
    Arguments.requireNonNull(other2, "other2");
    Arguments.requireNonNull(other3, "other3");
    return cogroup(other1, other2, other3, PairOperations.hash("cogroup", numPartitions));
  }

  /**
   * Cogroups with three others into the partitioner's layout; otherwise as
   * {@link #cogroup(PairRDD, PairRDD, PairRDD)}.
   *
   * <pre>{@code
   * var all = pairs.cogroup(other, flags, counts, new HashPartitioner(4));
   * }</pre>
   *
   * @param other1 the second pair RDD
   * @param other2 the third pair RDD
   * @param other3 the fourth pair RDD
   * @param partitioner where keys go
   * @param <W1> the second's value type
   * @param <W2> the third's value type
   * @param <W3> the fourth's value type
   * @return one record per key
   */
  public <W1, W2, W3> PairRDD<K, Tuple4<Iterable<V>, Iterable<W1>, Iterable<W2>, Iterable<W3>>> cogroup(
      PairRDD<K, W1> other1, PairRDD<K, W2> other2, PairRDD<K, W3> other3, Partitioner partitioner) {
    Arguments.requireNonNull(other1, "other1");
    Arguments.requireNonNull(other2, "other2");
    Arguments.requireNonNull(other3, "other3");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairCoGroups.cogroup(node, other1.node, other2.node, other3.node, partitioner));
  }

  /**
   * Spark's other name for {@link #cogroup(PairRDD)}. Shuffles as it does.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Iterable<Integer>, Iterable<String>>> both = pairs.groupWith(other);
   * }</pre>
   *
   * @param other the other pair RDD
   * @param <W> the other's value type
   * @return one record per key
   */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> groupWith(PairRDD<K, W> other) {
    return cogroup(other);
  }

  /**
   * Spark's other name for {@link #cogroup(PairRDD, PairRDD)}. Shuffles as it does.
   *
   * <pre>{@code
   * var all = pairs.groupWith(other, flags);
   * }</pre>
   *
   * @param other1 the second pair RDD
   * @param other2 the third pair RDD
   * @param <W1> the second's value type
   * @param <W2> the third's value type
   * @return one record per key
   */
  public <W1, W2> PairRDD<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> groupWith(PairRDD<K, W1> other1,
      PairRDD<K, W2> other2) {
    return cogroup(other1, other2);
  }

  /**
   * Spark's other name for {@link #cogroup(PairRDD, PairRDD, PairRDD)}. Shuffles as it does.
   *
   * <pre>{@code
   * var all = pairs.groupWith(other, flags, counts);
   * }</pre>
   *
   * @param other1 the second pair RDD
   * @param other2 the third pair RDD
   * @param other3 the fourth pair RDD
   * @param <W1> the second's value type
   * @param <W2> the third's value type
   * @param <W3> the fourth's value type
   * @return one record per key
   */
  public <W1, W2, W3> PairRDD<K, Tuple4<Iterable<V>, Iterable<W1>, Iterable<W2>, Iterable<W3>>> groupWith(
      PairRDD<K, W1> other1, PairRDD<K, W2> other2, PairRDD<K, W3> other3) {
    return cogroup(other1, other2, other3);
  }

  /**
   * Inner join: a record {@code (k, (v, w))} for every pair of values of a key present in both. Shuffles
   * each side not already partitioned by the target partitioner (see {@link #cogroup(PairRDD)}).
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, String>> joined = pairs.join(other);   // (a,(1,x)), (a,(3,x))
   * }</pre>
   *
   * @param other the other pair RDD
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return join(other, defaultPartitioner(other));
  }

  /**
   * Inner join into the given number of partitions; otherwise as {@link #join(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, String>> joined = pairs.join(other, 4);   // (a,(1,x)), (a,(3,x))
   * }</pre>
   *
   * @param other the other pair RDD
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return join(other, PairOperations.hash("join", numPartitions));
  }

  /**
   * Inner join into the partitioner's layout; otherwise as {@link #join(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, String>> joined = pairs.join(other, new HashPartitioner(4));
   * }</pre>
   *
   * @param other the other pair RDD
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.join(node, other.node, partitioner));
  }

  /**
   * Left outer join: every value of this RDD, paired with each matching value of the other, or with
   * {@code Optional.empty()} if the key is absent there. A null value also appears as
   * {@code Optional.empty()}, since an {@link Optional} cannot hold null. Shuffles as {@link #join(PairRDD)}
   * does.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, Optional<String>>> joined = pairs.leftOuterJoin(other);
   * // (a,(1,Optional[x])), (a,(3,Optional[x])), (b,(2,Optional.empty))
   * }</pre>
   *
   * @param other the other pair RDD
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return leftOuterJoin(other, defaultPartitioner(other));
  }

  /**
   * Left outer join into the given number of partitions; otherwise as {@link #leftOuterJoin(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, Optional<String>>> joined = pairs.leftOuterJoin(other, 4);
   * }</pre>
   *
   * @param other the other pair RDD
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return leftOuterJoin(other, PairOperations.hash("leftOuterJoin", numPartitions));
  }

  /**
   * Left outer join into the partitioner's layout; otherwise as {@link #leftOuterJoin(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, Optional<String>>> joined =
   *     pairs.leftOuterJoin(other, new HashPartitioner(4));
   * }</pre>
   *
   * @param other the other pair RDD
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.leftOuterJoin(node, other.node, partitioner));
  }

  /**
   * Right outer join: every value of the other RDD, paired with each matching value of this one, or with
   * {@code Optional.empty()} if the key is absent here. A null value also appears as
   * {@code Optional.empty()}, since an {@link Optional} cannot hold null. Shuffles as {@link #join(PairRDD)}
   * does.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Optional<Integer>, String>> joined = pairs.rightOuterJoin(other);
   * // (a,(Optional[1],x)), (a,(Optional[3],x)), (c,(Optional.empty,y))
   * }</pre>
   *
   * @param other the other pair RDD
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return rightOuterJoin(other, defaultPartitioner(other));
  }

  /**
   * Right outer join into the given number of partitions; otherwise as {@link #rightOuterJoin(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Optional<Integer>, String>> joined = pairs.rightOuterJoin(other, 4);
   * }</pre>
   *
   * @param other the other pair RDD
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return rightOuterJoin(other, PairOperations.hash("rightOuterJoin", numPartitions));
  }

  /**
   * Right outer join into the partitioner's layout; otherwise as {@link #rightOuterJoin(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Optional<Integer>, String>> joined =
   *     pairs.rightOuterJoin(other, new HashPartitioner(4));
   * }</pre>
   *
   * @param other the other pair RDD
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.rightOuterJoin(node, other.node, partitioner));
  }

  /**
   * Full outer join: every value of either side, paired with each matching value of the other side, or with
   * {@code Optional.empty()} where the key is absent on that side. A null value also appears as
   * {@code Optional.empty()}, since an {@link Optional} cannot hold null. Shuffles as {@link #join(PairRDD)}
   * does.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Optional<Integer>, Optional<String>>> joined = pairs.fullOuterJoin(other);
   * // (a,(Optional[1],Optional[x])), (a,(Optional[3],Optional[x])), (b,(Optional[2],Optional.empty)),
   * // (c,(Optional.empty,Optional[y]))
   * }</pre>
   *
   * @param other the other pair RDD
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return fullOuterJoin(other, defaultPartitioner(other));
  }

  /**
   * Full outer join into the given number of partitions; otherwise as {@link #fullOuterJoin(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Optional<Integer>, Optional<String>>> joined = pairs.fullOuterJoin(other, 4);
   * }</pre>
   *
   * @param other the other pair RDD
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return fullOuterJoin(other, PairOperations.hash("fullOuterJoin", numPartitions));
  }

  /**
   * Full outer join into the partitioner's layout; otherwise as {@link #fullOuterJoin(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Optional<Integer>, Optional<String>>> joined =
   *     pairs.fullOuterJoin(other, new HashPartitioner(4));
   * }</pre>
   *
   * @param other the other pair RDD
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other,
      Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.fullOuterJoin(node, other.node, partitioner));
  }

  /**
   * Keeps the records whose key does not occur in the other RDD. Shuffles each side not already partitioned
   * by the target partitioner.
   *
   * <pre>{@code
   * PairRDD<String, Integer> notInOther = pairs.subtractByKey(other);   // (b,2)
   * }</pre>
   *
   * @param other the RDD whose keys are removed
   * @param <W> the other's value type
   * @return the remaining pairs
   */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return subtractByKey(other, defaultPartitioner(other));
  }

  /**
   * Keeps the records whose key does not occur in the other RDD, in the given number of partitions.
   * Shuffles.
   *
   * <pre>{@code
   * PairRDD<String, Integer> notInOther = pairs.subtractByKey(other, 4);   // (b,2)
   * }</pre>
   *
   * @param other the RDD whose keys are removed
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the remaining pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return subtractByKey(other, PairOperations.hash("subtractByKey", numPartitions));
  }

  /**
   * Keeps the records whose key does not occur in the other RDD, in the partitioner's layout. Shuffles unless
   * already partitioned so.
   *
   * <pre>{@code
   * PairRDD<String, Integer> notInOther = pairs.subtractByKey(other, new HashPartitioner(4));   // (b,2)
   * }</pre>
   *
   * @param other the RDD whose keys are removed
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the remaining pairs
   */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.subtractByKey(node, other.node, partitioner));
  }

  /**
   * Returns the partitioner of an operation on this RDD and others that was given none: the largest
   * partitioner among them, or a hash partitioner of the default shuffle partition count.
   */
  final Partitioner defaultPartitioner(RDD<?>... others) {
    RddNode<?>[] nodes = new RddNode<?>[others.length];
    for (int i = 0; i < others.length; i++) {
      nodes[i] = others[i].node;
    }
    return PairOperations.defaultPartitioner(node, nodes);
  }
}

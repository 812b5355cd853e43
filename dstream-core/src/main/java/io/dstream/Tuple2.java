package io.dstream;

/**
 * A pair of two values: the record type of every {@link PairDStream} and {@link io.dstream.rdd.PairRDD}.
 *
 * <p>It plays the role of {@code scala.Tuple2} in Spark's Java API: {@code new Tuple2<>(k, v)} builds one,
 * {@code _1()} and {@code _2()} read it, and {@code toString()} prints {@code (k,v)} as Spark does, so
 * {@code print()} output matches the Spark Streaming guide. Either component may be null.
 *
 * @param <A> the type of the first component (the key, in a pair stream)
 * @param <B> the type of the second component (the value, in a pair stream)
 * @param _1 the first component
 * @param _2 the second component
 */
public record Tuple2<A, B>(A _1, B _2) {

  /**
   * Returns a pair with the components in the other order.
   *
   * @return {@code (_2,_1)}
   */
  public Tuple2<B, A> swap() {
    return new Tuple2<>(_2, _1);
  }

  /** Returns {@code (first,second)}, as Scala prints a tuple. */
  @Override
  public String toString() {
    return "(" + _1 + "," + _2 + ")";
  }
}

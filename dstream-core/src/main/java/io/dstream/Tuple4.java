package io.dstream;

/**
 * Four values: the value type of {@code PairRDD.cogroup} with three other RDDs, as {@code scala.Tuple4} is in
 * Spark's Java API. {@code _1()} to {@code _4()} read it; {@code toString()} prints {@code (a,b,c,d)} as Scala
 * does. Any component may be null.
 *
 * @param <A> the type of the first component
 * @param <B> the type of the second component
 * @param <C> the type of the third component
 * @param <D> the type of the fourth component
 * @param _1 the first component
 * @param _2 the second component
 * @param _3 the third component
 * @param _4 the fourth component
 */
public record Tuple4<A, B, C, D>(A _1, B _2, C _3, D _4) {

  /** Returns {@code (first,second,third,fourth)}, as Scala prints a tuple. */
  @Override
  public String toString() {
    return "(" + _1 + "," + _2 + "," + _3 + "," + _4 + ")";
  }
}

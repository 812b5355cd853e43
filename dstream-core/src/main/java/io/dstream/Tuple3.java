package io.dstream;

/**
 * Three values: the value type of {@code PairRDD.cogroup} with two other RDDs, as {@code scala.Tuple3} is in
 * Spark's Java API. {@code _1()}, {@code _2()} and {@code _3()} read it; {@code toString()} prints
 * {@code (a,b,c)} as Scala does. Any component may be null.
 *
 * @param <A> the type of the first component
 * @param <B> the type of the second component
 * @param <C> the type of the third component
 * @param _1 the first component
 * @param _2 the second component
 * @param _3 the third component
 */
public record Tuple3<A, B, C>(A _1, B _2, C _3) {

  /** Returns {@code (first,second,third)}, as Scala prints a tuple. */
  @Override
  public String toString() {
    return "(" + _1 + "," + _2 + "," + _3 + ")";
  }
}

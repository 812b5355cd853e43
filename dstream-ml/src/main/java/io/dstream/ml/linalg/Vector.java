package io.dstream.ml.linalg;

/**
 * A vector of doubles, dense or sparse, as MLlib's {@code org.apache.spark.mllib.linalg.Vector}: the features
 * of a point. Vectors are immutable; {@link #toArray()} returns a copy. Create them with {@link Vectors}.
 *
 * <pre>{@code
 * Vector x = Vectors.dense(1.0, 0.0, 3.0);
 * Vector y = Vectors.sparse(3, new int[] {0, 2}, new double[] {2.0, 1.0});
 * double d = x.dot(y);   // 5.0
 * }</pre>
 */
public sealed interface Vector permits DenseVector, SparseVector {
  /**
   * Returns the number of entries, zeros included.
   *
   * @return the size
   */
  int size();

  /**
   * Returns one entry.
   *
   * @param i the index, from 0 to {@code size() - 1}
   * @return the entry (0.0 where a sparse vector stores none)
   * @throws IndexOutOfBoundsException if {@code i} is outside the vector
   */
  double apply(int i);

  /**
   * Returns the entries as a new dense array.
   *
   * @return an array of {@link #size()} entries, which the caller owns
   */
  double[] toArray();

  /**
   * Returns the dot product with another vector of the same size.
   *
   * @param other the other vector
   * @return the sum of the products of the entries
   * @throws IllegalArgumentException if the sizes differ
   */
  double dot(Vector other);

  /**
   * Returns the text form that {@link Vectors#parse(String)} reads: {@code [1.0,2.0]} for a dense vector,
   * {@code (3,[0,2],[1.0,2.0])} (size, indices, values) for a sparse one, as MLlib writes them.
   *
   * @return the text form
   */
  @Override
  String toString();
}

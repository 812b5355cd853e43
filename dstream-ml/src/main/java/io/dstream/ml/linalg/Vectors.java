package io.dstream.ml.linalg;

import io.dstream.ml.internal.MllibText;

/**
 * Creates vectors, as MLlib's {@code Vectors}: dense from their entries, sparse from indices and values, or
 * parsed from MLlib's text form.
 *
 * <pre>{@code
 * Vector dense = Vectors.dense(1.0, 2.0);
 * Vector sparse = Vectors.sparse(4, new int[] {1, 3}, new double[] {5.0, 6.0});
 * Vector parsed = Vectors.parse("[1.0,2.0]");   // equals dense
 * }</pre>
 */
public final class Vectors {
  private Vectors() {}

  /**
   * Creates a dense vector.
   *
   * @param values the entries; copied
   * @return the vector
   * @throws IllegalArgumentException if {@code values} is null
   */
  public static Vector dense(double... values) {
    if (values == null) {
      throw new IllegalArgumentException("the values of a dense vector are null; pass an array");
    }
    return new DenseVector(values.clone());
  }

  /**
   * Creates a dense vector of zeros.
   *
   * @param size the size
   * @return the vector
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public static Vector zeros(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("a vector's size must not be negative, got " + size);
    }
    return new DenseVector(new double[size]);
  }

  /**
   * Creates a sparse vector: the entry at {@code indices[k]} is {@code values[k]}, every other is 0.
   *
   * @param size the size
   * @param indices the indices of the stored entries, strictly increasing, each from 0 to {@code size - 1};
   *     copied
   * @param values the stored entries, as many as indices; copied
   * @return the vector
   * @throws IllegalArgumentException if the size is negative, the arrays are null or of different lengths, or
   *     an index is out of range or not greater than the one before it
   */
  public static Vector sparse(int size, int[] indices, double[] values) {
    if (size < 0) {
      throw new IllegalArgumentException("a vector's size must not be negative, got " + size);
    }
    if (indices == null || values == null) {
      throw new IllegalArgumentException("the indices and values of a sparse vector must not be null");
    }
    if (indices.length != values.length) {
      throw new IllegalArgumentException("a sparse vector got " + indices.length + " indices but "
          + values.length + " values; give one value per index");
    }
    for (int k = 0; k < indices.length; k++) {
      if (indices[k] < 0 || indices[k] >= size) {
        throw new IllegalArgumentException("index " + indices[k] + " is outside a sparse vector of size " + size);
      }
      if (k > 0 && indices[k] <= indices[k - 1]) {
        throw new IllegalArgumentException("the indices of a sparse vector must be strictly increasing, but "
            + indices[k] + " follows " + indices[k - 1]);
      }
    }
    return new SparseVector(size, indices.clone(), values.clone());
  }

  /**
   * Parses MLlib's text form of a vector, as {@link Vector#toString()} writes it: {@code [1.0,2.0]} (dense)
   * or {@code (size,[indices],[values])} (sparse). Blanks between the parts are allowed.
   *
   * @param text the text
   * @return the vector
   * @throws IllegalArgumentException if the text is not a vector in that form; the message quotes it
   */
  public static Vector parse(String text) {
    return MllibText.parseVector(text);
  }

  /**
   * Returns the squared Euclidean distance between two vectors of the same size.
   *
   * @param a one vector
   * @param b the other
   * @return the sum of the squared differences of the entries
   * @throws IllegalArgumentException if the sizes differ
   */
  public static double sqdist(Vector a, Vector b) {
    VectorChecks.requireSameSize(a, b);
    double sum = 0.0;
    for (int i = 0; i < a.size(); i++) {
      double d = a.apply(i) - b.apply(i);
      sum += d * d;
    }
    return sum;
  }
}

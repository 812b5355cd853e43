package io.dstream.ml.linalg;

import java.util.Arrays;

/**
 * A vector that stores only some entries, at strictly increasing indices; the others are 0. See
 * {@link Vectors#sparse(int, int[], double[])}.
 */
public final class SparseVector implements Vector {
  private final int size;
  private final int[] indices;
  private final double[] values;

  SparseVector(int size, int[] indices, double[] values) {
    this.size = size;
    this.indices = indices;
    this.values = values;
  }

  /**
   * Returns the indices of the stored entries, strictly increasing; not a copy (as MLlib's
   * {@code SparseVector.indices}): callers must not modify them.
   *
   * @return the indices
   */
  public int[] indices() {
    return indices;
  }

  /**
   * Returns the stored entries, in the order of {@link #indices()}; not a copy: callers must not modify them.
   *
   * @return the entries
   */
  public double[] values() {
    return values;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public double apply(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("index " + i + " is outside a sparse vector of size " + size);
    }
    int at = Arrays.binarySearch(indices, i);
    return at >= 0 ? values[at] : 0.0;
  }

  @Override
  public double[] toArray() {
    double[] dense = new double[size];
    for (int k = 0; k < indices.length; k++) {
      dense[indices[k]] = values[k];
    }
    return dense;
  }

  @Override
  public double dot(Vector other) {
    VectorChecks.requireSameSize(this, other);
    double sum = 0.0;
    if (other instanceof DenseVector dense) {
      double[] o = dense.values();
      for (int k = 0; k < indices.length; k++) {
        sum += values[k] * o[indices[k]];
      }
      return sum;
    }
    SparseVector o = (SparseVector) other;
    int a = 0;
    int b = 0;
    while (a < indices.length && b < o.indices.length) {
      if (indices[a] == o.indices[b]) {
        sum += values[a++] * o.values[b++];
      } else if (indices[a] < o.indices[b]) {
        a++;
      } else {
        b++;
      }
    }
    return sum;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vector other && VectorChecks.sameEntries(this, other);
  }

  @Override
  public int hashCode() {
    return VectorChecks.hashOfEntries(this);
  }

  @Override
  public String toString() {
    StringBuilder text = VectorChecks.appendList(new StringBuilder("(").append(size).append(",["), indices);
    return VectorChecks.appendList(text.append("],["), values).append("])").toString();
  }
}

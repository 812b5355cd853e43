package io.dstream.ml.linalg;

/**
 * A vector that stores every entry; see {@link Vectors#dense(double...)}.
 */
public final class DenseVector implements Vector {
  private final double[] values;

  DenseVector(double[] values) {
    this.values = values;
  }

  /**
   * Returns the entries themselves, not a copy, for loops that must not allocate (as MLlib's
   * {@code DenseVector.values}); callers must not modify them.
   *
   * @return the entries
   */
  public double[] values() {
    return values;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public double apply(int i) {
    return values[i];
  }

  @Override
  public double[] toArray() {
    return values.clone();
  }

  @Override
  public double dot(Vector other) {
    VectorChecks.requireSameSize(this, other);
    if (other instanceof SparseVector sparse) {
      return sparse.dot(this);
    }
    double[] o = ((DenseVector) other).values;
    double sum = 0.0;
    for (int i = 0; i < values.length; i++) {
      sum += values[i] * o[i];
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
    return VectorChecks.appendList(new StringBuilder("["), values).append(']').toString();
  }
}

package io.dstream.ml.internal;

import io.dstream.ml.linalg.DenseVector;
import io.dstream.ml.linalg.SparseVector;
import io.dstream.ml.linalg.Vector;

/** The checks every point goes through before a model learns from it or predicts on it. */
public final class PointChecks {
  private PointChecks() {}

  /**
   * Checks that features have the model's size and hold no NaN.
   *
   * @param features the features
   * @param size the model's number of features
   * @param record the record the features come from, named in the message
   * @return the features
   * @throws IllegalArgumentException if they are null, have another size or hold NaN; the message names the
   *     record
   */
  public static Vector requireFeatures(Vector features, int size, Object record) {
    if (features == null) {
      throw new IllegalArgumentException("the record " + record + " has no features (null)");
    }
    if (features.size() != size) {
      throw new IllegalArgumentException("the record " + record + " has " + features.size() + " features, but the "
          + "model has " + size + "; give every point as many features as the model's initial centers or weights");
    }
    double[] values = features instanceof DenseVector dense ? dense.values() : ((SparseVector) features).values();
    for (double value : values) {
      if (Double.isNaN(value)) {
        throw new IllegalArgumentException("the record " + record + " has a NaN feature; remove or impute it "
            + "before training or predicting");
      }
    }
    return features;
  }
}

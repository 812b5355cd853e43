package io.dstream.ml.regression;

import io.dstream.ml.internal.MllibText;
import io.dstream.ml.linalg.Vector;

/**
 * A training example: a label (the value to predict; 0.0 or 1.0 for a binary classifier) and its features,
 * as MLlib's {@code LabeledPoint}. Its text form is MLlib's, {@code (label,[f1,f2,...])}.
 *
 * <pre>{@code
 * LabeledPoint p = LabeledPoint.parse("(1.0,[2.0,3.0])");
 * double label = p.label();          // 1.0
 * Vector features = p.features();    // [2.0,3.0]
 * }</pre>
 *
 * @param label the label
 * @param features the features
 */
public record LabeledPoint(double label, Vector features) {
  /**
   * Checks the parts.
   *
   * @param label the label
   * @param features the features
   * @throws IllegalArgumentException if {@code features} is null
   */
  public LabeledPoint {
    if (features == null) {
      throw new IllegalArgumentException("a labeled point's features are null; give a vector");
    }
  }

  /**
   * Parses MLlib's text form, as {@link #toString()} writes it: {@code (label,vector)} with the vector dense or
   * sparse (see {@link io.dstream.ml.linalg.Vectors#parse(String)}), or MLlib's older {@code label,f1 f2 f3}.
   *
   * @param text the text
   * @return the point
   * @throws IllegalArgumentException if the text is not a labeled point; the message quotes it
   */
  public static LabeledPoint parse(String text) {
    return MllibText.parseLabeledPoint(text);
  }

  /**
   * Returns the text form {@code (label,features)}, such as {@code (1.0,[2.0,3.0])}.
   *
   * @return the text form
   */
  @Override
  public String toString() {
    return "(" + label + "," + features + ")";
  }

}

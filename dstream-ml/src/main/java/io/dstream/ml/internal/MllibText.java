package io.dstream.ml.internal;

import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import io.dstream.ml.regression.LabeledPoint;
import java.util.Arrays;

/**
 * Reads MLlib's text forms: a vector {@code [1.0,2.0]} or {@code (3,[0,2],[1.0,2.0])}, and a labeled point
 * {@code (label,vector)} or the older {@code label,f1 f2 f3}. A parser reads one text from start to end; an
 * error names the whole text, what was expected and where.
 */
public final class MllibText extends TextCursor {
  private final String what;

  private MllibText(String text, String what) {
    super(text);
    this.what = what;
  }

  /**
   * Parses a vector.
   *
   * @param text the text
   * @return the vector
   * @throws IllegalArgumentException if the text is not a vector; the message quotes it
   */
  public static Vector parseVector(String text) {
    MllibText parser = of(text, "a vector, such as [1.0,2.0] or (3,[0,2],[1.0,2.0])");
    Vector vector = parser.vector();
    parser.end("the end of the text");
    return vector;
  }

  /**
   * Parses a labeled point.
   *
   * @param text the text
   * @return the point
   * @throws IllegalArgumentException if the text is not a labeled point; the message quotes it
   */
  public static LabeledPoint parseLabeledPoint(String text) {
    MllibText parser = of(text, "a labeled point, such as (1.0,[2.0,3.0]) or 1.0,2.0 3.0");
    parser.skipBlanks();
    LabeledPoint point = parser.peek('(') ? parser.labeledPoint() : parser.olderLabeledPoint();
    parser.end("the end of the text");
    return point;
  }

  private static MllibText of(String text, String what) {
    if (text == null) {
      throw new IllegalArgumentException("cannot parse null as " + what);
    }
    return new MllibText(text, what);
  }

  private LabeledPoint labeledPoint() {
    expect('(');
    double label = number();
    expect(',');
    Vector features = vector();
    expect(')');
    return new LabeledPoint(label, features);
  }

  /** {@code label,f1 f2 f3}: MLlib's first text form, which {@code LabeledPoint.parse} still reads. */
  private LabeledPoint olderLabeledPoint() {
    double label = number();
    expect(',');
    double[] features = new double[8];
    int n = 0;
    skipBlanks();
    while (at < text.length()) {
      if (n == features.length) {
        features = Arrays.copyOf(features, n * 2);
      }
      features[n++] = number();
      skipBlanks();
    }
    return new LabeledPoint(label, Vectors.dense(Arrays.copyOf(features, n)));
  }

  private Vector vector() {
    skipBlanks();
    if (peek('[')) {
      return Vectors.dense(numbers());
    }
    expect('(');
    int size = integer();
    expect(',');
    double[] indices = numbers();
    expect(',');
    double[] values = numbers();
    expect(')');
    int[] intIndices = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      intIndices[k] = (int) indices[k];
      if (intIndices[k] != indices[k]) {
        throw error("an integer index, not " + indices[k]);
      }
    }
    try {
      return Vectors.sparse(size, intIndices, values);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(message(e.getMessage()), e);
    }
  }

  private double[] numbers() {
    expect('[');
    skipBlanks();
    if (peek(']')) {
      at++;
      return new double[0];
    }
    double[] values = new double[8];
    int n = 0;
    do {
      if (n == values.length) {
        values = Arrays.copyOf(values, n * 2);
      }
      values[n++] = number();
    } while (accept(','));
    expect(']');
    return Arrays.copyOf(values, n);
  }

  private int integer() {
    double value = number();
    if (value != (int) value || value < 0) {
      throw error("a size (a whole number, 0 or more), not " + value);
    }
    return (int) value;
  }

  private double number() {
    skipBlanks();
    int start = at;
    while (at < text.length() && "()[], \t".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    if (start == at) {
      throw error("a number");
    }
    String token = text.substring(start, at);
    try {
      return Double.parseDouble(token);
    } catch (NumberFormatException e) {
      at = start;
      throw error("a number, not '" + token + "'");
    }
  }

  @Override
  String message(String problem) {
    return "cannot parse '" + text + "' as " + what + ": " + problem;
  }
}

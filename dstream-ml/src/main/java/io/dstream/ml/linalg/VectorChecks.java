package io.dstream.ml.linalg;

/**
 * What both kinds of vector share: the size check of binary operations, equality by entries, and the
 * comma-separated lists of their text forms.
 */
final class VectorChecks {
  private VectorChecks() {}

  static void requireSameSize(Vector a, Vector b) {
    if (b == null) {
      throw new IllegalArgumentException("the other vector is null");
    }
    if (a.size() != b.size()) {
      throw new IllegalArgumentException("vectors of sizes " + a.size() + " and " + b.size() + " cannot be "
          + "combined; give both the same size");
    }
  }

  /** A dense and a sparse vector with the same entries are equal, as in MLlib. */
  static boolean sameEntries(Vector a, Vector b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (Double.compare(a.apply(i), b.apply(i)) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Hashes only the nonzero entries, so that equal dense and sparse vectors hash alike. */
  static int hashOfEntries(Vector v) {
    int hash = v.size();
    for (int i = 0; i < v.size(); i++) {
      double x = v.apply(i);
      if (x != 0.0) {
        hash = 31 * hash + i;
        hash = 31 * hash + Double.hashCode(x);
      }
    }
    return hash;
  }

  /** Appends numbers separated by commas, without blanks, as MLlib's text forms write them. */
  static StringBuilder appendList(StringBuilder text, double[] numbers) {
    for (int k = 0; k < numbers.length; k++) {
      text.append(k == 0 ? "" : ",").append(numbers[k]);
    }
    return text;
  }

  /** Appends indices separated by commas, without blanks. */
  static StringBuilder appendList(StringBuilder text, int[] indices) {
    for (int k = 0; k < indices.length; k++) {
      text.append(k == 0 ? "" : ",").append(indices[k]);
    }
    return text;
  }
}

package io.dstream.ml.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VectorsTest {
  private static double plainDot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  @Test
  void denseAndSparseVectorsHaveTheirEntriesAndDotProductsOfEveryPairing() {
    Vector dense = Vectors.dense(1.0, 0.0, 3.0, -2.0);
    Vector sparse = Vectors.sparse(4, new int[] {0, 3}, new double[] {2.0, 5.0});
    Vector sparse2 = Vectors.sparse(4, new int[] {1, 3}, new double[] {7.0, 0.5});

    assertThat(sparse.toArray()).containsExactly(2.0, 0.0, 0.0, 5.0);
    assertThat(sparse.apply(2)).isZero();
    assertThat(sparse.size()).isEqualTo(4);
    assertThat(dense.dot(sparse)).isEqualTo(plainDot(dense.toArray(), sparse.toArray()));
    assertThat(sparse.dot(dense)).isEqualTo(plainDot(dense.toArray(), sparse.toArray()));
    assertThat(sparse.dot(sparse2)).isEqualTo(plainDot(sparse.toArray(), sparse2.toArray()));
    assertThat(dense.dot(dense)).isEqualTo(plainDot(dense.toArray(), dense.toArray()));
    assertThat(Vectors.sqdist(dense, sparse)).isEqualTo(1 + 0 + 9 + 49);
    assertThat(Vectors.sparse(2, new int[] {1}, new double[] {4.0})).isEqualTo(Vectors.dense(0.0, 4.0))
        .hasSameHashCodeAs(Vectors.dense(0.0, 4.0));
  }

  @Test
  void vectorsAreImmutable() {
    double[] values = {1.0, 2.0};
    Vector v = Vectors.dense(values);
    values[0] = 9.0;
    v.toArray()[1] = 9.0;
    assertThat(v.toArray()).containsExactly(1.0, 2.0);
  }

  @Test
  void theTextFormRoundTripsThroughParse() {
    Vector dense = Vectors.dense(1.5, -2.0, 1e-3);
    Vector sparse = Vectors.sparse(5, new int[] {1, 4}, new double[] {3.0, -1.0});
    assertThat(dense).hasToString("[1.5,-2.0,0.001]");
    assertThat(sparse).hasToString("(5,[1,4],[3.0,-1.0])");
    assertThat(Vectors.parse(dense.toString())).isEqualTo(dense);
    assertThat(Vectors.parse(sparse.toString())).isInstanceOf(SparseVector.class).isEqualTo(sparse);
    assertThat(Vectors.parse(" [ 1.0 , 2.0 ] ")).isEqualTo(Vectors.dense(1.0, 2.0));
    assertThat(Vectors.parse("[]").size()).isZero();
  }

  @Test
  void unparsableTextIsRefusedWithAMessageQuotingIt() {
    assertThatThrownBy(() -> Vectors.parse("[1.0,x]")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'[1.0,x]'").hasMessageContaining("a number, not 'x'");
    assertThatThrownBy(() -> Vectors.parse("[1.0,2.0")).hasMessageContaining("'[1.0,2.0'")
        .hasMessageContaining("expected ']'");
    assertThatThrownBy(() -> Vectors.parse("[1.0] 3")).hasMessageContaining("the end of the text");
    assertThatThrownBy(() -> Vectors.parse("(3,[0,5],[1.0,2.0])")).hasMessageContaining("'(3,[0,5],[1.0,2.0])'")
        .hasMessageContaining("index 5 is outside a sparse vector of size 3");
    assertThatThrownBy(() -> Vectors.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badSparseVectorsAndSizeMismatchesAreRefused() {
    assertThatThrownBy(() -> Vectors.sparse(3, new int[] {2, 1}, new double[] {1, 1}))
        .hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> Vectors.sparse(3, new int[] {1}, new double[] {1, 1}))
        .hasMessageContaining("1 indices but 2 values");
    assertThatThrownBy(() -> Vectors.dense(1.0).dot(Vectors.dense(1.0, 2.0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sizes 1 and 2");
  }
}

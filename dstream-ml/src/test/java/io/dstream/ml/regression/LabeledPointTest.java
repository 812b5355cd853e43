package io.dstream.ml.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.ml.linalg.Vectors;
import org.junit.jupiter.api.Test;

class LabeledPointTest {
  @Test
  void mllibsTextFormsParse() {
    LabeledPoint dense = new LabeledPoint(1.0, Vectors.dense(2.0, 3.0));
    LabeledPoint sparse = new LabeledPoint(0.0, Vectors.sparse(4, new int[] {2}, new double[] {7.0}));
    assertThat(dense).hasToString("(1.0,[2.0,3.0])");
    assertThat(LabeledPoint.parse(dense.toString())).isEqualTo(dense);
    assertThat(LabeledPoint.parse(sparse.toString())).isEqualTo(sparse);
    assertThat(LabeledPoint.parse("1.0,2.0 3.0")).isEqualTo(dense);
  }

  @Test
  void unparsableTextIsRefusedWithAMessageQuotingIt() {
    assertThatThrownBy(() -> LabeledPoint.parse("(1.0,[2.0,3.0]")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'(1.0,[2.0,3.0]'").hasMessageContaining("a labeled point");
    assertThatThrownBy(() -> LabeledPoint.parse("one,2.0")).hasMessageContaining("'one,2.0'");
    assertThatThrownBy(() -> new LabeledPoint(1.0, null)).isInstanceOf(IllegalArgumentException.class);
  }
}

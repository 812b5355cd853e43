package org.apache.spark.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.DStream;
import io.dstream.Duration;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.StreamingContextState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The harness that Spark's suites run on: what runStreams returns, and how it refuses misuse. */
class JavaTestUtilsTest {
  private final LocalJavaStreamingContext local = new LocalJavaStreamingContext() {};
  private final List<List<Integer>> input = List.of(List.of(1, 2, 3, 4, 5), List.of(6, 7));

  @BeforeEach
  void setUp() {
    local.setUp();
  }

  @AfterEach
  void tearDown() {
    local.tearDown();
  }

  @Test
  void runStreamsReturnsEveryBatchThenEmptyOnesAndStopsTheContext() {
    DStream<Integer> stream = JavaTestUtils.attachTestInputStream(local.ssc, input, 2);
    JavaTestUtils.attachTestOutputStream(stream.map(x -> x * 10));

    List<List<Integer>> result = JavaTestUtils.runStreams(local.ssc, 3, 3);

    List<List<Integer>> expected = new ArrayList<>();
    input.forEach(batch -> expected.add(batch.stream().map(x -> x * 10).collect(Collectors.toList())));
    expected.add(List.of());
    assertThat(result).isEqualTo(expected);
    assertThat(local.ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void runStreamsWithPartitionsKeepsEachBatchsPartitions() {
    DStream<Integer> stream = JavaTestUtils.attachTestInputStream(local.ssc, input, 2);
    JavaTestUtils.attachTestOutputStream(stream);

    List<List<List<Integer>>> result = JavaTestUtils.runStreamsWithPartitions(local.ssc, 2, 2);

    assertThat(result).hasSize(2);
    for (int i = 0; i < input.size(); i++) {
      assertThat(result.get(i)).hasSize(2);
      assertThat(result.get(i).stream().flatMap(List::stream)).containsExactlyElementsOf(input.get(i));
    }
  }

  @Test
  void runStreamsReadsTheFirstAttachedOutput() {
    DStream<Integer> stream = JavaTestUtils.attachTestInputStream(local.ssc, input, 1);
    JavaTestUtils.attachTestOutputStream(stream.count());
    JavaTestUtils.attachTestOutputStream(stream);

    List<List<Long>> result = JavaTestUtils.runStreams(local.ssc, 2, 2);

    assertThat(result).isEqualTo(input.stream().map(batch -> List.of((long) batch.size())).toList());
  }

  @Test
  void anOutputCountOtherThanTheExpectedOneFails() {
    JavaTestUtils.attachTestOutputStream(JavaTestUtils.attachTestInputStream(local.ssc, input, 1));

    assertThatThrownBy(() -> JavaTestUtils.runStreams(local.ssc, 2, 3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the number of batches the output stream collected")
        .hasMessageContaining("expected:<3> but was:<2>");
  }

  @Test
  void runningWithoutAnOutputStreamIsRefused() {
    JavaTestUtils.attachTestInputStream(local.ssc, input, 1).print();

    assertThatThrownBy(() -> JavaTestUtils.runStreams(local.ssc, 1, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call JavaTestUtils.attachTestOutputStream(stream) before runStreams");
  }

  @Test
  void aContextThatLocalJavaStreamingContextDidNotCreateIsRefused() {
    StreamingContext other = new StreamingContext(new StreamingConf().setMaster("local[1]")
        .setAppName("other"), new Duration(1000));
    try {
      assertThatThrownBy(() -> JavaTestUtils.runStreams(other, 1, 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("JavaTestUtils works on the ssc that LocalJavaStreamingContext.setUp created");
    } finally {
      other.stop();
    }
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.internal.stream.BatchPrinter;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code print()} and {@code print(n)} write every batch as Spark Streaming does: a header with the batch
 * time, at most {@code n} records, {@code ...} only when the batch has more, and a blank line.
 */
@ExtendWith(TestStreamingContextExtension.class)
class PrintOutputTest {
  private static final String RULE = "-------------------------------------------";

  @Test
  void aBatchIsPrintedUnderAHeaderWithItsTime() {
    String text = BatchPrinter.format(new Time(1357008430000L), List.of(new Tuple2<>("hello", 1),
        new Tuple2<>("world", 1)), 10);

    assertThat(text).isEqualTo("""
        -------------------------------------------
        Time: 1357008430000 ms
        -------------------------------------------
        (hello,1)
        (world,1)

        """);
  }

  @Test
  void recordsBeyondTheLimitAreShownAsAnEllipsis() {
    assertThat(BatchPrinter.format(new Time(2000), List.of(1, 2, 3), 2)).isEqualTo(printed(2000, "1", "2", "..."));
  }

  @Test
  void exactlyTheLimitPrintsNoEllipsis() {
    assertThat(BatchPrinter.format(new Time(2000), List.of(1, 2), 2)).isEqualTo(printed(2000, "1", "2"));
  }

  @Test
  void anEmptyBatchPrintsOnlyTheHeader() {
    assertThat(BatchPrinter.format(new Time(3000), List.of(), 10)).isEqualTo(printed(3000));
  }

  @Test
  void printWritesEveryBatchToStandardOutput(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(List.of(IntStream.rangeClosed(1, 11).boxed().toList(), List.of(7, 8, 9),
        List.of(42)));
    in.print();
    in.map(x -> x * 10).print(2);

    String out = capturingStandardOutput(() -> t.runBatches(4));

    assertThat(out).isEqualTo(
        printed(1000, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "...") + printed(1000, "10", "20", "...")
        + printed(2000, "7", "8", "9") + printed(2000, "70", "80", "...")
        + printed(3000, "42") + printed(3000, "420")
        + printed(4000) + printed(4000));
  }

  @Test
  void printOfNoRecordsIsRefused(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(List.of());

    assertThatThrownBy(() -> in.print(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("print(0)")
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> in.print(-3)).isInstanceOf(IllegalArgumentException.class);
  }

  /** The text print shows for one batch: the header, the given lines, and a blank line. */
  private static String printed(long time, String... lines) {
    StringBuilder text = new StringBuilder(RULE + "\nTime: " + time + " ms\n" + RULE + "\n");
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return text.append('\n').toString();
  }

  private static String capturingStandardOutput(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}

package io.dstream.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.testing.TestStreamingContext;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The SQL word count benchmark's engines count the words as plain Java does, one batch replacing the last. */
class WordCountTableTest {
  private static final List<List<String>> BATCHES = WorkloadHarness.generate(100, 200, 2);

  @Test
  void duckDbCountsEachBatchAsPlainJava() {
    assertCountsEachBatch(DuckDbWordCountTable::new);
  }

  @Test
  void h2CountsEachBatchAsPlainJava() {
    assertCountsEachBatch(ssc -> new H2WordCountTable());
  }

  private static void assertCountsEachBatch(Function<StreamingContext, WordCountTable> engine) {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().setMaster("local[2]").setAppName("word-count-table"));
        WordCountTable table = engine.apply(t.context())) {
      for (List<String> lines : BATCHES) {
        table.load(t.context().parallelize(lines, 2).flatMap(line -> Arrays.asList(line.split(" ")).iterator()));
        assertEquals(SqlWordCountBenchmark.plainJavaCount(lines), table.countWords());
      }
    }
  }
}

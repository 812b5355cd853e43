package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.sql.Row;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** SqlNetworkWordCount's pipeline on the manual clock: each batch's SQL counts equal a plain-Java count. */
class SqlNetworkWordCountTest {
  @Test
  void eachBatchsSqlCountsAreThePlainJavaCountsOfItsWords() {
    List<List<String>> batches = List.of(List.of("a b a", "spark a"), List.of("b b", "c"), List.of("spark"));
    List<Map<String, Long>> counted = Collections.synchronizedList(new ArrayList<>());
    try (TestStreamingContext ssc = TestStreamingContext.create(SqlNetworkWordCount.BATCH_INTERVAL,
        new StreamingConf().setMaster("local[2]"))) {
      SqlNetworkWordCount.countWithSql(ssc.inputStream(batches), (counts, time) -> {
        Map<String, Long> byWord = new TreeMap<>();
        for (Row row : counts.collectAsList()) {
          byWord.put(row.getAs("word"), row.<Long>getAs("total"));
        }
        counted.add(byWord);
      });
      ssc.runBatches(batches.size());
    }
    List<Map<String, Long>> expected = new ArrayList<>();
    for (List<String> lines : batches) {
      Map<String, Long> byWord = new TreeMap<>();
      for (String line : lines) {
        for (String word : line.split(" ")) {
          byWord.merge(word, 1L, Long::sum);
        }
      }
      expected.add(byWord);
    }
    assertThat(counted).containsExactlyElementsOf(expected);
    assertThat(Durations.seconds(1)).isEqualTo(SqlNetworkWordCount.BATCH_INTERVAL);
  }
}

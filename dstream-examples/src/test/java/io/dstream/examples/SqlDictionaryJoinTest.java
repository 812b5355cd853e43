package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.StreamingConf;
import io.dstream.sql.Row;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SqlDictionaryJoin on the manual clock: each batch's SQL join equals a plain-Java lookup in the dictionary. */
class SqlDictionaryJoinTest {
  @Test
  void eachBatchsCategoryCountsAreThePlainJavaJoinOfItsWords(@TempDir Path directory) throws IOException {
    Map<String, String> dictionary = new LinkedHashMap<>();
    dictionary.put("cat", "animal");
    dictionary.put("dog", "animal");
    dictionary.put("red", "colour");
    dictionary.put("blue", "colour");
    dictionary.put("oak", "tree");
    Path csv = directory.resolve("dictionary.csv");
    List<String> csvLines = new ArrayList<>(List.of("word,category"));
    dictionary.forEach((word, category) -> csvLines.add(word + "," + category));
    Files.write(csv, csvLines);
    List<List<String>> batches = List.of(List.of("cat dog red", "the cat sat"), List.of("blue oak oak", "dog"),
        List.of("no known words"), List.of("red red red cat"));
    List<Map<String, Long>> joined = Collections.synchronizedList(new ArrayList<>());

    try (TestStreamingContext ssc = TestStreamingContext.create(SqlDictionaryJoin.BATCH_INTERVAL,
        new StreamingConf().setMaster("local[2]"))) {
      SqlDictionaryJoin.countByCategory(ssc.inputStream(batches), csv.toString(), (counts, time) -> {
        Map<String, Long> byCategory = new TreeMap<>();
        for (Row row : counts.collectAsList()) {
          byCategory.put(row.getAs("category"), row.<Long>getAs("total"));
        }
        joined.add(byCategory);
      });
      ssc.runBatches(batches.size());
    }

    List<Map<String, Long>> expected = new ArrayList<>();
    for (List<String> lines : batches) {
      Map<String, Long> byCategory = new TreeMap<>();
      for (String line : lines) {
        for (String word : line.split(" ")) {
          String category = dictionary.get(word);
          if (category != null) {
            byCategory.merge(category, 1L, Long::sum);
          }
        }
      }
      expected.add(byCategory);
    }
    assertThat(joined).containsExactlyElementsOf(expected);
    assertThat(expected.get(2)).as("a batch with no dictionary word").isEmpty();
  }
}

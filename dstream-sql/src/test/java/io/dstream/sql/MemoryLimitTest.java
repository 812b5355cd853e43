package io.dstream.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.dstream.ConfigKeys;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.TaskContext;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dstream.sql.memoryLimit}: data past it spills to {@code dstream.sql.tempDirectory} and the query still
 * answers; a query or a load that does not fit even so fails naming the key (a load at once: retrying it would fail
 * the same way).
 */
class MemoryLimitTest {
  /** Distinct words of about 50 bytes, too long for the engine to keep inline: 200,000 of them are ~10 MB. */
  private static List<String> words(int count) {
    return IntStream.range(0, count).mapToObj(i -> String.format("word %07d of a batch larger than the limit", i))
        .toList();
  }

  private static TestStreamingContext context(String memoryLimit, Path spill) {
    return TestStreamingContext.create(Durations.seconds(1), new StreamingConf().setMaster("local[2]")
        .set(ConfigKeys.SQL_MEMORY_LIMIT.name(), memoryLimit).set(ConfigKeys.SQL_TEMP_DIRECTORY.name(),
            spill.toString()));
  }

  @Test
  void dataPastTheLimitSpillsToTheTempDirectoryAndTheQueryAnswers(@TempDir Path spill) {
    List<String> words = words(200_000);
    try (TestStreamingContext ssc = context("32m", spill)) {
      SqlSession session = SqlSession.getOrCreate(ssc.context());
      session.toDF(ssc.context().parallelize(words, 2), String.class, "word").createOrReplaceTempView("words");

      List<Row> counts = session.sql("select word, count(*) as total from words group by word order by word")
          .collectAsList();

      List<String> expected = words.stream().sorted().toList();
      assertThat(counts).hasSameSizeAs(expected);
      for (int i = 0; i < counts.size(); i++) {
        // Row by row: a failure shows the first wrong row, not a diff of 200,000
        if (!counts.get(i).getString(0).equals(expected.get(i)) || counts.get(i).getLong(1) != 1) {
          fail("row " + i + " is " + counts.get(i) + ", expected [" + expected.get(i) + ",1]");
        }
      }
      List<Row> spilled = session.sql("select path from duckdb_temporary_files()").collectAsList();
      assertThat(spilled).as("the engine's temporary files").isNotEmpty()
          .allSatisfy(row -> assertThat(row.getString(0)).startsWith(spill.toString()));
    }
  }

  @Test
  void aQueryThatDoesNotFitEvenSpillingFailsNamingTheKey(@TempDir Path spill) {
    try (TestStreamingContext ssc = context("8m", spill)) {
      SqlSession session = SqlSession.getOrCreate(ssc.context());
      session.toDF(ssc.context().parallelize(words(150_000), 2), String.class, "word")
          .createOrReplaceTempView("words");
      String query = "select word, count(*) as total from words group by word order by word desc";

      assertThatThrownBy(() -> session.sql(query)).isInstanceOf(SqlException.class)
          .hasMessageContaining("Out of Memory").hasMessageContaining("in: " + query)
          .hasMessageContaining(ConfigKeys.SQL_MEMORY_LIMIT.name() + " = " + (8 << 20) + " bytes")
          .hasMessageContaining(spill.toString());
    }
  }

  @Test
  void aLoadThatDoesNotFitFailsAtOnceNamingTheKeyWithoutRetries(@TempDir Path spill) {
    AtomicInteger recordsOfRetries = new AtomicInteger();
    try (TestStreamingContext ssc = context("256k", spill)) {
      SqlSession session = SqlSession.getOrCreate(ssc.context());
      RDD<String> words = ssc.context().parallelize(words(300_000), 2).map(word -> {
        if (TaskContext.get().attemptNumber() > 0) {
          recordsOfRetries.incrementAndGet();
        }
        return word;
      });

      assertThatThrownBy(() -> session.toDF(words, String.class, "word")).isInstanceOf(SqlException.class)
          .hasMessageContaining("could not allocate block")
          .hasMessageContaining(ConfigKeys.SQL_MEMORY_LIMIT.name() + " = " + (256 << 10) + " bytes");
      assertThat(recordsOfRetries).as("records read by retried tasks").hasValue(0);
    }
  }
}

package io.dstream.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The columns the engine's aggregates produce read back as Java values: {@code sum} over an integer column is
 * the engine's 128-bit HUGEINT, which dstream-sql shows as a long, as Spark's {@code sum} of ints is a bigint.
 */
class AggregateResultTypesTest extends SessionTest {
  /** A word with a count. */
  public record Counted(String word, int n) {}


  @Test
  void aSumOfAnIntegerColumnReadsBackAsTheLongsPlainJavaSums() {
    List<Counted> counted = IntStream.range(0, 200).mapToObj(i -> new Counted("w" + i % 7, i)).toList();
    session.createDataFrame(ssc.context().parallelize(counted, 3), Counted.class).createOrReplaceTempView("counted");

    DataFrame sums = session.sql("select word, sum(n) as total from counted group by word order by word");

    Map<String, Long> expected = counted.stream()
        .collect(Collectors.groupingBy(Counted::word, TreeMap::new, Collectors.summingLong(Counted::n)));
    assertThat(sums.collectAsList()).extracting(row -> row.getString(0), row -> row.getLong(1))
        .containsExactlyElementsOf(expected.entrySet().stream()
            .map(e -> tuple(e.getKey(), e.getValue())).toList());
    assertThat(sums.groupBy("word").agg("sum(total) as again").count()).isEqualTo(expected.size());
  }
}

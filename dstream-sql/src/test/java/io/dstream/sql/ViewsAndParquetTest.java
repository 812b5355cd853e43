package io.dstream.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session's catalogue of views ({@code table}, {@code dropTempView}) and Parquet files read back as tables. */
class ViewsAndParquetTest extends SessionTest {
  /** A reading of a sensor, with a column of each of three types and a null. */
  public record Reading(String sensor, Long count, Double value) {}

  private static final List<Reading> READINGS = List.of(new Reading("a", 1L, 0.5), new Reading("b", null, 2.25),
      new Reading("c", 3L, null));


  @Test
  void aParquetFileTheEngineWroteReadsBackWithItsRowsAndTypes(@TempDir Path dir) {
    DataFrame readings = session.createDataFrame(ssc.context().parallelize(READINGS, 2), Reading.class);
    readings.createOrReplaceTempView("readings");
    Path parquet = dir.resolve("readings.parquet");
    session.sql("COPY (select * from readings) TO '" + parquet + "' (FORMAT parquet)");

    DataFrame read = session.read().parquet(parquet.toString());

    assertThat(read.schema().fields()).extracting(field -> field.name() + ":" + field.dataType())
        .containsExactlyElementsOf(List.of(readings.schema().fields()).stream()
            .map(field -> field.name() + ":" + field.dataType()).toList());
    assertThat(read.orderBy("sensor").collectAsList()).extracting(Row::toString)
        .containsExactlyElementsOf(READINGS.stream()
            .map(r -> "[" + r.sensor() + "," + r.count() + "," + r.value() + "]").toList());
  }

  @Test
  void tableReturnsAViewsRowsAndDropTempViewRemovesIt() {
    session.toDF(ssc.context().parallelize(List.of("x", "y", "x"), 2), String.class, "word")
        .createOrReplaceTempView("words");

    assertThat(session.table("words").orderBy("word").collectAsList()).extracting(row -> row.getString(0))
        .containsExactly("x", "x", "y");
    assertThat(session.table("WORDS").count()).as("view names ignore case, as SQL's").isEqualTo(3);

    assertThat(session.dropTempView("words")).isTrue();
    assertThatThrownBy(() -> session.table("words")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no view named words");
    assertThatThrownBy(() -> session.sql("select * from words")).isInstanceOf(SqlException.class)
        .hasMessageContaining("words");
    assertThat(session.dropTempView("words")).as("a second drop finds nothing").isFalse();
  }
}

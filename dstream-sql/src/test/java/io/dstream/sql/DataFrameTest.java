package io.dstream.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.sql.types.DataTypes;
import io.dstream.sql.types.StructType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DataFrames outside a stream: types, nulls, show, schema, errors, the thin layer over SQL and static files. */
class DataFrameTest extends SessionTest {

  /** Every type a column holds, each boxed so that it can be null. */
  public record Everything(String text, Integer integer, Long number, Short small, Byte tiny, Double real,
      Float single, Boolean flag, BigDecimal decimal, Timestamp timestamp, Instant instant, Date date,
      LocalDate day, byte[] bytes) {}

  /** A bean with primitive properties, whose columns come in the order of the properties' names. */
  public static class Measurement {
    private String sensor;
    private double value;
    private int count;

    public String getSensor() {
      return sensor;
    }

    public void setSensor(String sensor) {
      this.sensor = sensor;
    }

    public double getValue() {
      return value;
    }

    public void setValue(double value) {
      this.value = value;
    }

    public int getCount() {
      return count;
    }

    public void setCount(int count) {
      this.count = count;
    }
  }

  /** No getters: no columns. */
  public static class Opaque {
    public String visibleButNotAProperty = "x";
  }

  /** A property of a type no column holds. */
  public record WithList(String name, List<String> tags) {}

  private static Everything sample(int i) {
    return new Everything("t" + i, i, i * 10_000_000_000L, (short) i, (byte) i, i + 0.25, i + 0.5f, i % 2 == 0,
        new BigDecimal(i + ".125"), Timestamp.from(Instant.parse("2026-03-0" + (i + 1) + "T10:15:30.123456Z")),
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), Date.valueOf(LocalDate.of(2026, 2, i + 1)),
        LocalDate.of(2025, 12, i + 1), new byte[] {(byte) i, 7});
  }

  /** A value as a row gives it: Instant as Timestamp, LocalDate as Date, a decimal at scale 18. */
  private static Object expected(Object value) {
    if (value instanceof Instant instant) {
      return Timestamp.from(instant);
    } else if (value instanceof LocalDate day) {
      return Date.valueOf(day);
    } else if (value instanceof BigDecimal decimal) {
      return decimal.setScale(18);
    }
    return value;
  }

  @Test
  void recordsOfEveryTypeAndNullsComeBackAsTheyWent() throws Exception {
    List<Everything> records = new ArrayList<>(List.of(sample(0), sample(1), sample(2)));
    Object[] nulls = new Object[Everything.class.getRecordComponents().length];
    records.add(new Everything(null, null, null, null, null, null, null, null, null, null, null, null, null,
        null));
    DataFrame frame = session.createDataFrame(ssc.context().parallelize(records, 2), Everything.class);

    List<Row> rows = frame.orderBy("integer NULLS LAST").collectAsList();
    assertThat(rows).hasSize(records.size());
    for (int r = 0; r < records.size(); r++) {
      Everything record = records.get(r);
      var components = Everything.class.getRecordComponents();
      Object[] want = new Object[components.length];
      for (int c = 0; c < components.length; c++) {
        want[c] = expected(components[c].getAccessor().invoke(record));
      }
      assertThat(rows.get(r)).isEqualTo(new Row(want, null));
    }
    assertThat(rows.get(3)).isEqualTo(new Row(nulls, null));
    assertThat(frame.columns()).containsExactly(Arrays.stream(Everything.class.getRecordComponents())
        .map(c -> c.getName()).toArray(String[]::new));
  }

  @Test
  void aBeansColumnsAreItsPropertiesInNameOrderWithSparksTypes() {
    Measurement m = new Measurement();
    m.setSensor("s1");
    m.setValue(2.5);
    m.setCount(3);
    DataFrame frame = session.createDataFrame(ssc.context().parallelize(List.of(m)), Measurement.class);
    assertThat(frame.schema()).isEqualTo(DataTypes.createStructType(List.of(
        DataTypes.createStructField("count", DataTypes.IntegerType, false),
        DataTypes.createStructField("sensor", DataTypes.StringType, true),
        DataTypes.createStructField("value", DataTypes.DoubleType, false))));
    Row row = frame.collectAsList().get(0);
    assertThat(row.getInt(0)).isEqualTo(3);
    assertThat(row.<String>getAs("sensor")).isEqualTo("s1");
    assertThat(row.getDouble(row.fieldIndex("value"))).isEqualTo(2.5);
    assertThat(row.size()).isEqualTo(3);
    assertThat(row).hasToString("[3,s1,2.5]");
    assertThat(frame.schema().treeString()).isEqualTo("""
        root
         |-- count: integer (nullable = false)
         |-- sensor: string (nullable = true)
         |-- value: double (nullable = false)
        """);
  }

  @Test
  void rowsWithASchemaLoadAndAMisfitValueIsRefusedNamingTheColumn() {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("word", DataTypes.StringType, true),
        DataTypes.createStructField("n", DataTypes.LongType, true)));
    DataFrame frame = session.createDataFrame(ssc.context().parallelize(List.of(RowFactory.create("a", 1L),
        RowFactory.create(null, null))), schema);
    assertThat(frame.count()).isEqualTo(2);
    assertThat(frame.filter("word is null").collectAsList().get(0).isNullAt(1)).isTrue();

    assertThatThrownBy(() -> session.createDataFrame(ssc.context().parallelize(List.of(RowFactory.create("a", 1))),
        schema)).hasStackTraceContaining("column n is of type LongType")
        .hasStackTraceContaining("java.lang.Integer");
  }

  @Test
  void showPrintsSparksBoxTable() {
    List<String> words = List.of("spark", "a", "spark", "averyveryverylongwordindeed", "a", "spark");
    DataFrame counts = session.toDF(ssc.context().parallelize(words), String.class, "word")
        .groupBy("word").count().orderBy("word");
    assertThat(printed(counts::show)).isEqualTo("""
        +--------------------+-----+
        |                word|count|
        +--------------------+-----+
        |                   a|    2|
        |averyveryverylong...|    1|
        |               spark|    3|
        +--------------------+-----+

        """);
    assertThat(printed(() -> counts.show(1, false))).isEqualTo("""
        +----+-----+
        |word|count|
        +----+-----+
        |a   |2    |
        +----+-----+
        only showing top 1 row

        """);
    assertThat(printed(() -> session.sql("select null as x, 1.5::double as y").show())).isEqualTo("""
        +----+---+
        |   x|  y|
        +----+---+
        |null|1.5|
        +----+---+

        """);
  }

  private static String printed(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  @Test
  void theThinLayerAgreesWithPlainJava() {
    List<String> words = List.of("b", "a", "c", "a", "b", "a", "d");
    DataFrame frame = session.toDF(ssc.context().parallelize(words, 3), String.class, "word");
    Map<String, Long> expected = words.stream().filter(w -> !w.equals("d"))
        .collect(Collectors.groupingBy(w -> w, TreeMap::new, Collectors.counting()));
    List<Row> rows = frame.filter("word <> 'd'").groupBy("word").count().orderBy("count desc", "word").limit(2)
        .collectAsList();
    assertThat(rows).extracting(r -> r.getString(0) + "=" + r.getLong(1))
        .containsExactlyElementsOf(expected.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(2).map(e -> e.getKey() + "=" + e.getValue()).toList());
    assertThat(frame.select("upper(word) as w").javaRDD().map(r -> r.getString(0)).collect())
        .containsExactlyInAnyOrderElementsOf(words.stream().map(String::toUpperCase).toList());
  }

  @Test
  void anOrderedQueryKeepsItsOrderPastTheEnginesRowGroups() {
    // More rows than one row group of the engine (122,880), so that the result is written by parallel threads
    List<String> words = IntStream.range(0, 150_000).mapToObj(i -> "w" + (i * 7919L) % 150_000).toList();
    session.toDF(ssc.context().parallelize(words, 2), String.class, "word").createOrReplaceTempView("words");

    List<String> ordered = session.sql("select word from words order by word").collectAsList().stream()
        .map(r -> r.getString(0)).toList();

    assertThat(ordered.equals(words.stream().sorted().toList())).as("the rows come in the query's order").isTrue();
  }

  @Test
  void badSqlFailsWithTheEnginesMessageAndTheQuery() {
    session.toDF(ssc.context().parallelize(List.of("a")), String.class, "word").createOrReplaceTempView("words");
    assertThatThrownBy(() -> session.sql("select count(*) from wordz")).isInstanceOf(SqlException.class)
        .hasMessageContaining("wordz").hasMessageContaining("in: select count(*) from wordz");
  }

  @Test
  void aClassWithoutPropertiesOrWithAnUnsupportedTypeIsRefusedNamingIt() {
    assertThatThrownBy(() -> session.createDataFrame(ssc.context().parallelize(List.of(new Opaque())), Opaque.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Opaque.class.getName())
        .hasMessageContaining("no readable properties");
    assertThatThrownBy(() -> session.createDataFrame(ssc.context().parallelize(List.<WithList>of()),
        WithList.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("property tags of "
            + WithList.class.getName()).hasMessageContaining("java.util.List");
  }

  @Test
  void aCsvFileJoinsWithABatch(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("words.csv");
    Files.writeString(csv, "word,meaning\na,first\nb,second\n");
    session.read().option("header", "true").csv(csv.toString()).createOrReplaceTempView("dictionary");
    session.toDF(ssc.context().parallelize(List.of("a", "b", "a", "z")), String.class, "word")
        .createOrReplaceTempView("words");
    List<Row> joined = session.sql("select w.word, d.meaning, count(*) as n from words w join dictionary d "
        + "on w.word = d.word group by all order by w.word").collectAsList();
    assertThat(joined).hasToString("[[a,first,2], [b,second,1]]");

    DataFrame noHeader = session.read().csv(csv.toString());
    assertThat(noHeader.columns()).containsExactly("_c0", "_c1");
    assertThat(noHeader.count()).isEqualTo(3);
    Path json = dir.resolve("words.json");
    Files.writeString(json, "{\"word\":\"a\",\"n\":1}\n{\"word\":\"b\",\"n\":2}\n");
    assertThat(session.read().json(json.toString()).orderBy("word").collectAsList()).hasToString("[[a,1], [b,2]]");
  }
}

package io.dstream.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.CapturedLog;
import io.dstream.ConfigKeys;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.sql.types.DataTypes;
import io.dstream.sql.types.DecimalType;
import io.dstream.sql.types.StructType;
import io.dstream.testing.TestStreamingContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Query results: time zones, statements that do or do not give rows, decimals, repeated column names. */
class SqlTypesTest extends SessionTest {

  /** A record with a decimal property, held as decimal(38,18). */
  public record Priced(String name, BigDecimal price) {}

  @Test
  void timestampsAreTheSameInstantsWhateverTheJvmZone() {
    TimeZone saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    try {
      Row row = session.sql("select TIMESTAMPTZ '2024-01-01 12:00:00+02' as tz, "
          + "TIMESTAMP '2024-07-01 12:00:00' as plain, TIMESTAMPTZ '2024-07-01 12:00:00' as tzWithoutOffset, "
          + "cast(TIMESTAMP '2024-07-01 12:00:00' as TIMESTAMPTZ) as cast").collectAsList().get(0);

      Instant utcNoon = LocalDateTime.of(2024, 7, 1, 12, 0).toInstant(ZoneOffset.UTC);
      assertThat(row.getTimestamp(0).toInstant())
          .isEqualTo(OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)).toInstant());
      assertThat(row.getTimestamp(1).toInstant()).as("a TIMESTAMP is a time in UTC").isEqualTo(utcNoon);
      assertThat(row.getTimestamp(2).toInstant()).as("the engine's zone is UTC").isEqualTo(utcNoon);
      assertThat(row.getTimestamp(3).toInstant()).isEqualTo(utcNoon);
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void showPrintsTimestampsInTheSessionTimeZone() {
    String zone = "Asia/Kolkata";
    StreamingConf conf = new StreamingConf().setMaster("local[2]").set(ConfigKeys.SQL_SESSION_TIME_ZONE.name(), zone);
    try (TestStreamingContext other = TestStreamingContext.create(Durations.seconds(1), conf)) {
      SqlSession inKolkata = SqlSession.getOrCreate(other.context());
      Instant instant = Instant.parse("2024-01-01T12:00:00.25Z");

      String shown = inKolkata.sql("select TIMESTAMPTZ '" + instant + "' as t").showString(1, 0);

      assertThat(inKolkata.timeZone()).isEqualTo(ZoneId.of(zone));
      assertThat(shown).contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SS")
          .format(instant.atZone(ZoneId.of(zone))));
    }
    assertThat(session.timeZone()).as("the default: the JVM's zone").isEqualTo(ZoneId.systemDefault());
  }

  @Test
  void aBadSessionTimeZoneIsRefusedNamingIt() {
    assertThatThrownBy(() -> new StreamingConf().set(ConfigKeys.SQL_SESSION_TIME_ZONE.name(), "Mars/Olympus"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Mars/Olympus")
        .hasMessageContaining(ConfigKeys.SQL_SESSION_TIME_ZONE.name());
  }

  @Test
  void whetherAStatementGivesRowsIsWhatTheEngineAnswers() {
    assertThat(session.sql("-- a comment\nselect 1 as x").collectAsList()).containsExactly(RowFactory.create(1));
    assertThat(session.sql("/* a comment */ select 2 as x").collectAsList()).containsExactly(RowFactory.create(2));
    assertThat(session.sql("select 3 as x -- a comment to the end").collectAsList())
        .containsExactly(RowFactory.create(3));
    assertThat(session.sql("select 4 as x;").collectAsList()).containsExactly(RowFactory.create(4));
    assertThat(session.sql("explain select 1").count()).isPositive();

    DataFrame created = session.sql("create view answers as select 42 as answer");

    assertThat(created.columns()).isEmpty();
    assertThat(created.count()).isZero();
    assertThat(session.sql("select answer from answers").collectAsList()).containsExactly(RowFactory.create(42));
  }

  @Test
  void repeatedColumnNamesAreKeptAndANameGivesTheLastOfThem() {
    DataFrame joined = session.sql("select a.x, b.x from (select 1 as x) a, (select 2 as x) b");

    Row row = joined.collectAsList().get(0);
    assertThat(joined.columns()).containsExactly("x", "x");
    assertThat(row.schema().fieldNames()).containsExactly("x", "x");
    assertThat(row.get(0)).isEqualTo(1);
    assertThat(row.<Integer>getAs("x")).as("Spark's fieldIndex: the last column of the name").isEqualTo(2);
    assertThat(row.fieldIndex("x")).isEqualTo(1);
  }

  @Test
  void aDecimalColumnKeepsItsPrecisionAndScale() {
    DataFrame prices = session.sql("select 1.5::decimal(10,2) as price, 7::decimal(4,0) as whole");

    assertThat(prices.schema().apply(0).dataType()).isEqualTo(DataTypes.createDecimalType(10, 2));
    assertThat(prices.schema().apply(1).dataType()).isEqualTo(DataTypes.createDecimalType(4, 0));
    assertThat(prices.schema().treeString()).contains("price: decimal(10,2)").contains("whole: decimal(4,0)");
    assertThat(prices.collectAsList().get(0).getDecimal(0)).isEqualTo(new BigDecimal("1.50"));
    assertThat(DataTypes.createDecimalType(10, 2)).hasToString("DecimalType(10,2)");
    assertThatThrownBy(() -> DataTypes.createDecimalType(39, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decimal(39,2)");
  }

  @Test
  void rowsOfADecimalSchemaAreRoundedToItsScaleAndRefusedBeyondItsDigits() {
    DecimalType money = DataTypes.createDecimalType(5, 2);
    StructType schema = DataTypes.createStructType(List.of(DataTypes.createStructField("amount", money, true)));
    BigDecimal amount = new BigDecimal("123.456");

    DataFrame frame = session.createDataFrame(ssc.context().parallelize(List.of(RowFactory.create(amount)), 1),
        schema);

    assertThat(frame.schema()).isEqualTo(schema);
    assertThat(frame.collectAsList().get(0).getDecimal(0)).isEqualTo(amount.setScale(2, RoundingMode.HALF_UP));
    assertThatThrownBy(() -> session.createDataFrame(ssc.context().parallelize(
        List.of(RowFactory.create(new BigDecimal("1234.5"))), 1), schema))
        .rootCause().isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column amount").hasMessageContaining("1234.5").hasMessageContaining("decimal(5,2)");
  }

  @Test
  void aBeanDecimalBeyondItsColumnIsRefusedNamingTheClassAndProperty() {
    BigDecimal tooBig = BigDecimal.TEN.pow(DecimalType.MAX_PRECISION - DataTypes.DecimalType.scale());

    assertThatThrownBy(() -> session.createDataFrame(ssc.context().parallelize(
        List.of(new Priced("fits", BigDecimal.ONE), new Priced("huge", tooBig)), 1), Priced.class))
        .rootCause().isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("property price of " + Priced.class.getName())
        .hasMessageContaining(tooBig.toPlainString()).hasMessageContaining("decimal(38,18)");
  }

  @Test
  void aBuilderWhoseSettingsComeTooLateWarnsOnce() {
    try (TestStreamingContext other = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().setMaster("local[2]").set(ConfigKeys.SQL_THREADS.name(), "2"));
        CapturedLog log = CapturedLog.of(SqlSession.class.getName())) {
      other.inputStream(List.of(List.of("a"))).foreachRDD(rdd -> { });
      SqlSession existing = SqlSession.getOrCreate(other.context());
      other.runBatches(0);

      assertThat(SqlSession.builder().config(ConfigKeys.SQL_THREADS.name(), "2").getOrCreate()).isSameAs(existing);
      assertThat(log.messagesAt("WARN")).as("the same settings").isEmpty();
      SqlSession.builder().config(ConfigKeys.SQL_THREADS.name(), "1").getOrCreate();
      SqlSession.builder().config(ConfigKeys.SQL_THREADS.name(), "1").getOrCreate();

      assertThat(log.messagesAt("WARN")).singleElement().asString()
          .startsWith("Using an existing SqlSession; some configuration may not take effect")
          .contains(ConfigKeys.SQL_THREADS.name());
    }
  }
}

package io.dstream.sql.internal;

import io.dstream.sql.types.DataType;
import io.dstream.sql.types.DataTypes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.duckdb.DuckDBAppender;

/**
 * Moves one column's values between Java and the engine, by the column's type: into an appender when a
 * DataFrame is loaded, and out of a result set when a query is read. Timestamps are held as UTC and dates as
 * days, so neither depends on the JVM's time zone.
 */
final class ColumnValues {
  private static final int DECIMAL_SCALE = 18;

  private ColumnValues() {}

  /** Appends one value of a column of the given type (null appends a SQL NULL). */
  static void append(DuckDBAppender appender, DataType type, Object value) throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else if (type == DataTypes.StringType) {
      appender.append((String) value);
    } else if (type == DataTypes.IntegerType) {
      appender.append((int) (Integer) value);
    } else if (type == DataTypes.LongType) {
      appender.append((long) (Long) value);
    } else if (type == DataTypes.DoubleType) {
      appender.append((double) (Double) value);
    } else if (type == DataTypes.BooleanType) {
      appender.append((boolean) (Boolean) value);
    } else if (type == DataTypes.ShortType) {
      appender.append((short) (Short) value);
    } else if (type == DataTypes.ByteType) {
      appender.append((byte) (Byte) value);
    } else if (type == DataTypes.FloatType) {
      appender.append((float) (Float) value);
    } else if (type == DataTypes.DecimalType) {
      appender.append(((BigDecimal) value).setScale(DECIMAL_SCALE, RoundingMode.HALF_UP));
    } else if (type == DataTypes.TimestampType) {
      appender.appendEpochMicros(epochMicros(value instanceof Timestamp t ? t.toInstant() : (Instant) value));
    } else if (type == DataTypes.DateType) {
      LocalDate day = value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
      appender.appendEpochDays(Math.toIntExact(day.toEpochDay()));
    } else {
      appender.append((byte[]) value);
    }
  }

  /** Reads one value of a column of the given type, as the class the type names (null for a SQL NULL). */
  static Object read(ResultSet results, int column, DataType type) throws SQLException {
    Object value;
    if (type == DataTypes.TimestampType) {
      LocalDateTime utc = results.getObject(column, LocalDateTime.class);
      value = utc == null ? null : Timestamp.from(utc.toInstant(ZoneOffset.UTC));
    } else if (type == DataTypes.DateType) {
      LocalDate day = results.getObject(column, LocalDate.class);
      value = day == null ? null : Date.valueOf(day);
    } else if (type == DataTypes.DecimalType) {
      value = results.getBigDecimal(column);
    } else if (type == DataTypes.BinaryType) {
      value = results.getBytes(column);
    } else if (type == DataTypes.LongType) {
      // Through getLong: the driver refuses getObject(Long.class) for the HUGEINT that sum() of integers gives.
      value = results.getLong(column);
    } else {
      value = results.getObject(column, type.javaClass());
    }
    return results.wasNull() ? null : value;
  }

  private static long epochMicros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}

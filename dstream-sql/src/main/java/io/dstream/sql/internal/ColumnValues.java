package io.dstream.sql.internal;

import io.dstream.sql.types.DataType;
import io.dstream.sql.types.DataTypes;
import io.dstream.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.duckdb.DuckDBAppender;

/**
 * Moves one column's values between Java and the engine, by the column's type: into an appender when a
 * DataFrame is loaded, and out of a result set when a query is read. Timestamps are held as UTC and dates as
 * days, so neither depends on the JVM's time zone.
 */
final class ColumnValues {
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
    } else if (type instanceof DecimalType decimal) {
      appender.append(((BigDecimal) value).setScale(decimal.scale(), RoundingMode.HALF_UP));
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
      value = timestamp(results, column);
    } else if (type == DataTypes.DateType) {
      LocalDate day = results.getObject(column, LocalDate.class);
      value = day == null ? null : Date.valueOf(day);
    } else if (type instanceof DecimalType) {
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

  /**
   * Reads a TIMESTAMP (a UTC time) or a TIMESTAMP WITH TIME ZONE (an instant, which the driver gives as an
   * OffsetDateTime in the JVM's zone: its local time read as UTC would shift it by the JVM's offset).
   */
  private static Timestamp timestamp(ResultSet results, int column) throws SQLException {
    Object value = results.getObject(column);
    if (value == null) {
      return null;
    }
    return value instanceof OffsetDateTime instant ? Timestamp.from(instant.toInstant())
        : Timestamp.from(results.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC));
  }

  private static long epochMicros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}

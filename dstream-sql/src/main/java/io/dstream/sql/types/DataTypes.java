package io.dstream.sql.types;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column types, and the factories of schemas, with Spark SQL's names ({@code DataTypes.StringType},
 * {@code DataTypes.createStructField(...)}), so that code building a schema by hand ports unchanged.
 */
public final class DataTypes {
  /** Text: {@code VARCHAR}, as {@link String}. */
  public static final DataType StringType = new DataType("string", "VARCHAR", String.class);
  /** 32-bit integers: {@code INTEGER}, as {@link Integer}. */
  public static final DataType IntegerType = new DataType("integer", "INTEGER", Integer.class);
  /** 64-bit integers: {@code BIGINT}, as {@link Long}. */
  public static final DataType LongType = new DataType("long", "BIGINT", Long.class);
  /** 16-bit integers: {@code SMALLINT}, as {@link Short}. */
  public static final DataType ShortType = new DataType("short", "SMALLINT", Short.class);
  /** 8-bit integers: {@code TINYINT}, as {@link Byte}. */
  public static final DataType ByteType = new DataType("byte", "TINYINT", Byte.class);
  /** 64-bit floating point: {@code DOUBLE}, as {@link Double}. */
  public static final DataType DoubleType = new DataType("double", "DOUBLE", Double.class);
  /** 32-bit floating point: {@code FLOAT}, as {@link Float}. */
  public static final DataType FloatType = new DataType("float", "FLOAT", Float.class);
  /** True or false: {@code BOOLEAN}, as {@link Boolean}. */
  public static final DataType BooleanType = new DataType("boolean", "BOOLEAN", Boolean.class);
  /**
   * Decimals of 38 digits, 18 after the point (Spark's type of a {@code BigDecimal} property), as
   * {@link BigDecimal}; {@link #createDecimalType(int, int)} makes others.
   */
  public static final DecimalType DecimalType = new DecimalType(38, 18);
  /** Instants, held in UTC: {@code TIMESTAMP}, as {@link Timestamp}. */
  public static final DataType TimestampType = new DataType("timestamp", "TIMESTAMP", Timestamp.class);
  /** Days: {@code DATE}, as {@link Date}. */
  public static final DataType DateType = new DataType("date", "DATE", Date.class);
  /** Bytes: {@code BLOB}, as {@code byte[]}. */
  public static final DataType BinaryType = new DataType("binary", "BLOB", byte[].class);

  private static final int MAX_DECIMAL_PRECISION = io.dstream.sql.types.DecimalType.MAX_PRECISION;
  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");
  private static final List<DataType> ALL = List.of(StringType, IntegerType, LongType, ShortType, ByteType,
      DoubleType, FloatType, BooleanType, DecimalType, TimestampType, DateType, BinaryType);

  private DataTypes() {}

  /**
   * Returns a column of a schema, as Spark's {@code DataTypes.createStructField}.
   *
   * @param name the column's name
   * @param dataType its type
   * @param nullable whether it may hold nulls
   * @return the column
   * @throws IllegalArgumentException if the name is empty or null, or the type is null
   */
  public static StructField createStructField(String name, DataType dataType, boolean nullable) {
    return new StructField(name, dataType, nullable);
  }

  /**
   * Returns the type of decimals of a given number of digits, as Spark's {@code DataTypes.createDecimalType}.
   *
   * @param precision how many digits a value holds in all, from 1 to 38
   * @param scale how many of them are after the point, from 0 to the precision
   * @return the type
   * @throws IllegalArgumentException if the precision or the scale is out of those bounds
   */
  public static DecimalType createDecimalType(int precision, int scale) {
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
      throw new IllegalArgumentException("a decimal type needs a precision from 1 to " + MAX_DECIMAL_PRECISION
          + " and a scale from 0 to the precision, got decimal(" + precision + "," + scale + ")");
    }
    return DecimalType.precision() == precision && DecimalType.scale() == scale ? DecimalType
        : new DecimalType(precision, scale);
  }

  /**
   * Returns a schema of the given columns, as Spark's {@code DataTypes.createStructType}.
   *
   * @param fields the columns, in order
   * @return the schema
   */
  public static StructType createStructType(List<StructField> fields) {
    return new StructType(fields.toArray(StructField[]::new));
  }

  /**
   * Returns the type of a column of the engine's SQL type, as the engine names it in a query's result.
   *
   * @param sqlType the engine's type name, such as {@code VARCHAR} or {@code DECIMAL(10,2)}
   * @return the type
   * @throws IllegalArgumentException if no type of this class holds it (such as a list or a map)
   */
  public static DataType fromSqlType(String sqlType) {
    String upper = sqlType.toUpperCase(Locale.ROOT);
    for (DataType type : ALL) {
      if (type.sqlType().equals(upper)) {
        return type;
      }
    }
    return switch (upper) {
      case "TEXT", "STRING", "CHARACTER VARYING", "NULL", "\"NULL\"" -> StringType;
      case "INT", "INT4", "INT32" -> IntegerType;
      case "INT8", "INT64", "HUGEINT", "UBIGINT", "UINTEGER" -> LongType;
      case "REAL", "FLOAT4" -> FloatType;
      case "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> TimestampType;
      case "BYTEA" -> BinaryType;
      default -> decimal(upper, sqlType);
    };
  }

  private static DataType decimal(String upper, String sqlType) {
    Matcher decimal = DECIMAL.matcher(upper);
    return decimal.matches()
        ? createDecimalType(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)))
        : unsupported(sqlType);
  }

  private static DataType unsupported(String sqlType) {
    throw new IllegalArgumentException("a query's column is of the engine's type " + sqlType + ", which no "
        + "column type of dstream-sql holds; cast it in the query (to VARCHAR, for example)");
  }
}

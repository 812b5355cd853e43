package io.dstream.sql.types;

import java.util.Objects;

/**
 * The type of a column, as Spark SQL's {@code DataType}: one of the constants of {@link DataTypes}, or a
 * {@link DecimalType} of a given precision and scale. Each names the engine's SQL type that holds it and the Java
 * class a {@link io.dstream.sql.Row} gives its values as.
 */
public sealed class DataType permits DecimalType {
  private final String simpleString;
  private final String sqlType;
  private final Class<?> javaClass;

  DataType(String simpleString, String sqlType, Class<?> javaClass) {
    this.simpleString = simpleString;
    this.sqlType = sqlType;
    this.javaClass = javaClass;
  }

  /**
   * Returns the name Spark prints for this type in {@code printSchema()}, such as {@code string} or {@code integer}.
   *
   * @return the type's short name
   */
  public String typeName() {
    return simpleString;
  }

  /**
   * Returns the SQL type the engine holds this type's values in, such as {@code VARCHAR} or {@code BIGINT}.
   *
   * @return the SQL type
   */
  public String sqlType() {
    return sqlType;
  }

  /**
   * Returns the class of the values of this type in a row, such as {@code String} or {@code java.sql.Timestamp}.
   *
   * @return the values' class
   */
  public Class<?> javaClass() {
    return javaClass;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DataType that && sqlType.equals(that.sqlType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sqlType);
  }

  /** Returns Spark's name of the type, such as {@code StringType}. */
  @Override
  public String toString() {
    return Character.toUpperCase(simpleString.charAt(0)) + simpleString.substring(1) + "Type";
  }
}

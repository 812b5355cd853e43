package io.dstream.sql.types;

import java.util.Objects;

/**
 * A column of a {@link StructType}: its name, type and whether it may hold nulls, as Spark SQL's
 * {@code StructField}.
 *
 * @param name the column's name
 * @param dataType its type
 * @param nullable whether it may hold nulls
 */
public record StructField(String name, DataType dataType, boolean nullable) {
  /**
   * Checks the column.
   *
   * @param name the column's name
   * @param dataType its type
   * @param nullable whether it may hold nulls
   * @throws IllegalArgumentException if the name is empty or null, or the type is null
   */
  public StructField {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a column needs a name, got " + (name == null ? "null" : "\"\""));
    }
    if (dataType == null) {
      throw new IllegalArgumentException("column " + name + " needs a type: one of DataTypes' constants");
    }
  }

  /** Returns the field as Spark prints it: {@code StructField(word,StringType,true)}. */
  @Override
  public String toString() {
    return "StructField(" + name + "," + dataType + "," + nullable + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StructField that && name.equals(that.name) && dataType.equals(that.dataType)
        && nullable == that.nullable;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dataType, nullable);
  }
}

package io.dstream.sql;

import io.dstream.sql.types.StructType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row of a {@link DataFrame}, as Spark SQL's {@code Row}: its values by position, and by column name when it
 * came from a DataFrame (which gives it its schema). Immutable.
 */
public final class Row implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Object[] values;
  private final StructType schema;

  Row(Object[] values, StructType schema) {
    this.values = values;
    this.schema = schema;
  }

  /**
   * Returns the number of values.
   *
   * @return how many columns the row has
   */
  public int size() {
    return values.length;
  }

  /**
   * Returns the number of values, as Spark's {@code length()}.
   *
   * @return how many columns the row has
   */
  public int length() {
    return values.length;
  }

  /**
   * Returns the row's schema, or null for a row made by {@link RowFactory#create}.
   *
   * @return the schema, or null
   */
  public StructType schema() {
    return schema;
  }

  /**
   * Returns the value at a position, of the class its column's type gives (see {@code DataTypes}), or null.
   *
   * @param i the position, from 0
   * @return the value
   * @throws IndexOutOfBoundsException if there is no such column
   */
  public Object get(int i) {
    if (i < 0 || i >= values.length) {
      throw new IndexOutOfBoundsException("the row has " + values.length + " columns, asked for position " + i);
    }
    return values[i];
  }

  /**
   * Returns whether the value at a position is null.
   *
   * @param i the position, from 0
   * @return whether it is null
   * @throws IndexOutOfBoundsException if there is no such column
   */
  public boolean isNullAt(int i) {
    return get(i) == null;
  }

  /**
   * Returns the value of a column by its name, as Spark's {@code getAs(fieldName)}: of the last column of that
   * name, when several have it (a query's {@code select a.x, b.x}), as in Spark; read the others by position.
   *
   * @param fieldName the column's name
   * @param <T> the value's class
   * @return the value
   * @throws IllegalStateException if the row has no schema (it was made by {@link RowFactory#create})
   * @throws IllegalArgumentException if no column has that name
   */
  @SuppressWarnings("unchecked")
  public <T> T getAs(String fieldName) {
    if (schema == null) {
      throw new IllegalStateException("this row has no schema, so its values have no names (asked for "
          + fieldName + "); read it by position, or read a row of a DataFrame");
    }
    return (T) values[schema.fieldIndex(fieldName)];
  }

  /**
   * Returns the value at a position, as Spark's {@code getAs(i)}.
   *
   * @param i the position, from 0
   * @param <T> the value's class
   * @return the value
   * @throws IndexOutOfBoundsException if there is no such column
   */
  @SuppressWarnings("unchecked")
  public <T> T getAs(int i) {
    return (T) get(i);
  }

  /**
   * Returns the position of a column, as Spark's {@code fieldIndex}: of the last column of that name, when several
   * have it.
   *
   * @param name the column's name
   * @return its position
   * @throws IllegalStateException if the row has no schema
   * @throws IllegalArgumentException if no column has that name
   */
  public int fieldIndex(String name) {
    if (schema == null) {
      throw new IllegalStateException("this row has no schema, so its values have no names (asked for " + name
          + ")");
    }
    return schema.fieldIndex(name);
  }

  /**
   * Returns a text value.
   *
   * @param i the position, from 0
   * @return the value, or null
   * @throws ClassCastException if the value is not text
   */
  public String getString(int i) {
    return (String) get(i);
  }

  /**
   * Returns an {@code integer} value.
   *
   * @param i the position, from 0
   * @return the value
   * @throws NullPointerException if the value is null (check {@link #isNullAt} first)
   * @throws ClassCastException if the value is not an integer
   */
  public int getInt(int i) {
    return (Integer) notNull(i);
  }

  /**
   * Returns a {@code long} value (such as a {@code count(*)}).
   *
   * @param i the position, from 0
   * @return the value
   * @throws NullPointerException if the value is null
   * @throws ClassCastException if the value is not a long
   */
  public long getLong(int i) {
    return (Long) notNull(i);
  }

  /**
   * Returns a {@code double} value.
   *
   * @param i the position, from 0
   * @return the value
   * @throws NullPointerException if the value is null
   * @throws ClassCastException if the value is not a double
   */
  public double getDouble(int i) {
    return (Double) notNull(i);
  }

  /**
   * Returns a {@code float} value.
   *
   * @param i the position, from 0
   * @return the value
   * @throws NullPointerException if the value is null
   * @throws ClassCastException if the value is not a float
   */
  public float getFloat(int i) {
    return (Float) notNull(i);
  }

  /**
   * Returns a {@code boolean} value.
   *
   * @param i the position, from 0
   * @return the value
   * @throws NullPointerException if the value is null
   * @throws ClassCastException if the value is not a boolean
   */
  public boolean getBoolean(int i) {
    return (Boolean) notNull(i);
  }

  /**
   * Returns a {@code decimal} value.
   *
   * @param i the position, from 0
   * @return the value, or null
   * @throws ClassCastException if the value is not a decimal
   */
  public BigDecimal getDecimal(int i) {
    return (BigDecimal) get(i);
  }

  /**
   * Returns a {@code timestamp} value.
   *
   * @param i the position, from 0
   * @return the value, or null
   * @throws ClassCastException if the value is not a timestamp
   */
  public Timestamp getTimestamp(int i) {
    return (Timestamp) get(i);
  }

  /**
   * Returns a {@code date} value.
   *
   * @param i the position, from 0
   * @return the value, or null
   * @throws ClassCastException if the value is not a date
   */
  public Date getDate(int i) {
    return (Date) get(i);
  }

  private Object notNull(int i) {
    Object value = get(i);
    if (value == null) {
      throw new NullPointerException("the value at position " + i + " is null; check isNullAt(" + i + ") first");
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Row that && Arrays.deepEquals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values);
  }

  /** Returns the values as Spark prints a row: {@code [spark,3]}, a null as {@code null}. */
  @Override
  public String toString() {
    return Arrays.stream(values).map(v -> v instanceof byte[] bytes ? Arrays.toString(bytes)
        : Objects.toString(v)).collect(Collectors.joining(",", "[", "]"));
  }
}

package io.dstream.sql.types;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The schema of a {@link io.dstream.sql.DataFrame}: its columns in order, as Spark SQL's {@code StructType}. Two
 * columns may have the same name (a query's {@code select a.x, b.x}), as in Spark; {@link #fieldIndex} then gives
 * the last of them, as Spark's does.
 */
public final class StructType {
  private final List<StructField> fields;

  /**
   * Makes a schema of the given columns.
   *
   * @param fields the columns, in order
   */
  public StructType(StructField[] fields) {
    this.fields = List.of(fields);
  }

  /**
   * Returns the columns, in order.
   *
   * @return the columns
   */
  public StructField[] fields() {
    return fields.toArray(StructField[]::new);
  }

  /**
   * Returns the column names, in order.
   *
   * @return the names
   */
  public String[] fieldNames() {
    return fields.stream().map(StructField::name).toArray(String[]::new);
  }

  /**
   * Returns the number of columns.
   *
   * @return how many columns the schema has
   */
  public int size() {
    return fields.size();
  }

  /**
   * Returns the column at a position.
   *
   * @param i the position, from 0
   * @return the column
   * @throws IndexOutOfBoundsException if there is no such column
   */
  public StructField apply(int i) {
    return fields.get(i);
  }

  /**
   * Returns the position of a column, as Spark's {@code fieldIndex}: of the last column of that name, when
   * several have it.
   *
   * @param name the column's name
   * @return its position, from 0
   * @throws IllegalArgumentException if no column has that name
   */
  public int fieldIndex(String name) {
    for (int i = fields.size() - 1; i >= 0; i--) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column named " + name + "; the columns are "
        + String.join(", ", fieldNames()));
  }

  /**
   * Returns the schema as a tree, as Spark's {@code printSchema()} prints it.
   *
   * @return the tree, one line per column after {@code root}, each line ending with a line break
   */
  public String treeString() {
    StringBuilder tree = new StringBuilder("root\n");
    for (StructField field : fields) {
      tree.append(" |-- ").append(field.name()).append(": ").append(field.dataType().typeName())
          .append(" (nullable = ").append(field.nullable()).append(")\n");
    }
    return tree.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StructType that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  /** Returns the schema as Spark prints it: {@code StructType(StructField(word,StringType,true))}. */
  @Override
  public String toString() {
    return fields.stream().map(StructField::toString).collect(Collectors.joining(",", "StructType(", ")"));
  }
}

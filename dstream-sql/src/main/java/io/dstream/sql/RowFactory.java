package io.dstream.sql;

/** Makes rows from values, as Spark SQL's {@code RowFactory}, for {@link SqlSession#createDataFrame(io.dstream.rdd.RDD, io.dstream.sql.types.StructType)}. */
public final class RowFactory {
  private RowFactory() {}

  /**
   * Returns a row of the given values, without a schema (the DataFrame it goes into gives it one).
   *
   * @param values the values, in the order of the schema's columns; null for a null
   * @return the row
   */
  public static Row create(Object... values) {
    return new Row(values.clone(), null);
  }
}

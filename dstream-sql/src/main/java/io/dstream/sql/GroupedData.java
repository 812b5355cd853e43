package io.dstream.sql;

/**
 * The rows of a {@link DataFrame} grouped by some columns ({@link DataFrame#groupBy}), as Spark SQL's
 * {@code RelationalGroupedDataset}: one aggregation makes a DataFrame of one row per group.
 */
public final class GroupedData {
  private final DataFrame parent;
  private final String keys;

  GroupedData(DataFrame parent, String keys) {
    this.parent = parent;
    this.keys = keys;
  }

  /**
   * Returns each group's key columns and its number of rows, in a column {@code count}.
   *
   * @return a DataFrame of one row per group
   */
  public DataFrame count() {
    return agg("count(*) AS \"count\"");
  }

  /**
   * Returns each group's key columns and the given SQL aggregations, such as {@code "sum(total) AS total"}.
   *
   * @param aggregations the aggregate expressions
   * @return a DataFrame of one row per group
   * @throws IllegalArgumentException if none is given
   */
  public DataFrame agg(String... aggregations) {
    if (aggregations.length == 0) {
      throw new IllegalArgumentException("agg needs at least one aggregate expression, such as count(*)");
    }
    return parent.derived("SELECT " + keys + ", " + String.join(", ", aggregations) + " FROM ("
        + parent.relation() + ") GROUP BY " + keys);
  }
}

package io.dstream.sql;

import io.dstream.rdd.RDD;
import io.dstream.sql.internal.BoxTable;
import io.dstream.sql.internal.Identifiers;
import io.dstream.sql.internal.QueryResult;
import io.dstream.sql.internal.SqlEngine;
import io.dstream.sql.internal.TableHandle;
import io.dstream.sql.types.StructType;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rows with named, typed columns, as Spark SQL's {@code Dataset<Row>}: a table in the session's engine, or a query
 * over one. A DataFrame is immutable: one loaded from a batch ({@link SqlSession#createDataFrame}) or returned by
 * {@link SqlSession#sql} keeps its rows whatever happens to the views it was made from; {@link #select},
 * {@link #filter}, {@link #groupBy}, {@link #orderBy} and {@link #limit} are queries over it, run by the actions
 * ({@link #show()}, {@link #collectAsList()}, {@link #count()}, {@link #javaRDD()}). Its rows stay in the engine
 * until {@link #unpersist()}, or until neither it, a DataFrame made from it nor a view of it is reachable.
 * Thread-safe.
 */
public final class DataFrame {
  private final SqlSession session;
  private final String relation;
  /** What holds the rows this DataFrame reads: its table's handle, or the DataFrame it is a query over. */
  private final Object keepAlive;
  private volatile StructType schema;
  private volatile boolean unpersisted;

  DataFrame(SqlSession session, String relation, Object keepAlive, StructType schema) {
    this.session = session;
    this.relation = relation;
    this.keepAlive = keepAlive;
    this.schema = schema;
  }

  /** The query that reads this DataFrame's rows, for the session and the views made of it. */
  String relation() {
    return relation;
  }

  /**
   * Makes this DataFrame the view {@code name} of its session, replacing the view of that name, if any, at once:
   * a query running on another thread reads the old or the new one, never a mix. The view keeps this DataFrame's
   * rows until it is replaced or dropped.
   *
   * <pre>{@code
   * session.createDataFrame(rdd, Word.class).createOrReplaceTempView("words");
   * session.sql("select word, count(*) as total from words group by word").show();
   * }</pre>
   *
   * @param name the view's name
   * @throws IllegalArgumentException if the name is empty
   * @throws SqlException if the engine refuses the view
   * @throws IllegalStateException if this DataFrame, or the one it was made from, was {@linkplain #unpersist()
   *     unpersisted}
   */
  public void createOrReplaceTempView(String name) {
    read(engine -> {
      session.replaceView(name, this);
      return null;
    });
  }

  /**
   * Spark's older name of {@link #createOrReplaceTempView(String)}, which the streaming guide uses.
   *
   * @param name the view's name
   * @throws IllegalArgumentException if the name is empty
   * @throws SqlException if the engine refuses the view
   */
  public void registerTempTable(String name) {
    createOrReplaceTempView(name);
  }

  /**
   * Prints the first 20 rows as a table, cells cut to 20 characters, as Spark's {@code show()}.
   *
   * @throws SqlException if the query fails
   * @throws IllegalStateException if this DataFrame, or one it was made from, was {@linkplain #unpersist() unpersisted}
   */
  public void show() {
    show(20, 20);
  }

  /**
   * Prints the first rows as a table, cells cut to 20 characters.
   *
   * @param numRows how many rows to print
   * @throws SqlException if the query fails
   * @throws IllegalStateException if this DataFrame, or one it was made from, was {@linkplain #unpersist() unpersisted}
   */
  public void show(int numRows) {
    show(numRows, 20);
  }

  /**
   * Prints the first rows as a table, cells cut to 20 characters or whole.
   *
   * @param numRows how many rows to print
   * @param truncate whether to cut cells longer than 20 characters
   * @throws SqlException if the query fails
   * @throws IllegalStateException if this DataFrame, or one it was made from, was {@linkplain #unpersist() unpersisted}
   */
  public void show(int numRows, boolean truncate) {
    show(numRows, truncate ? 20 : 0);
  }

  /**
   * Prints the first rows as a table, cells cut to {@code truncate} characters (whole and left-aligned if 0).
   *
   * @param numRows how many rows to print
   * @param truncate the most characters of a cell, or 0
   * @throws IllegalArgumentException if numRows or truncate is negative
   * @throws SqlException if the query fails
   * @throws IllegalStateException if this DataFrame, or one it was made from, was {@linkplain #unpersist() unpersisted}
   */
  public void show(int numRows, int truncate) {
    System.out.println(showString(numRows, truncate));
  }

  /**
   * Returns what {@link #show(int, int)} prints (without the empty line that follows it).
   *
   * @param numRows how many rows to show
   * @param truncate the most characters of a cell, or 0 for whole cells
   * @return the table
   * @throws IllegalArgumentException if numRows or truncate is negative
   * @throws SqlException if the query fails
   * @throws IllegalStateException if this DataFrame, or one it was made from, was {@linkplain #unpersist() unpersisted}
   */
  public String showString(int numRows, int truncate) {
    if (numRows < 0 || truncate < 0) {
      throw new IllegalArgumentException("show needs a number of rows and a truncation of 0 or more, got "
          + numRows + " and " + truncate);
    }
    QueryResult result = read(engine -> engine.query("SELECT * FROM (" + relation + ") LIMIT " + (numRows + 1L)));
    List<Object[]> rows = result.rows();
    boolean more = rows.size() > numRows;
    return BoxTable.draw(result.schema().fieldNames(), more ? rows.subList(0, numRows) : rows, truncate, more,
        session.timeZone());
  }

  /**
   * Returns all rows, as Spark's {@code collectAsList()}: they are brought into the Java heap.
   *
   * @return the rows, each with this DataFrame's schema
   * @throws SqlException if the query fails
   * @throws IllegalStateException if this DataFrame, or one it was made from, was {@linkplain #unpersist() unpersisted}
   */
  public List<Row> collectAsList() {
    return rows(read(engine -> engine.query(relation)));
  }

  /**
   * Returns the first rows.
   *
   * @param n how many rows at most
   * @return the rows
   * @throws IllegalArgumentException if n is negative
   * @throws SqlException if the query fails
   * @throws IllegalStateException if this DataFrame, or one it was made from, was {@linkplain #unpersist() unpersisted}
   */
  public List<Row> takeAsList(int n) {
    return limit(n).collectAsList();
  }

  /**
   * Returns the number of rows.
   *
   * @return how many rows there are
   * @throws SqlException if the query fails
   * @throws IllegalStateException if this DataFrame, or one it was made from, was {@linkplain #unpersist() unpersisted}
   */
  public long count() {
    return (Long) read(engine -> engine.query("SELECT count(*) FROM (" + relation + ")")).rows().get(0)[0];
  }

  /**
   * Returns the column names, in order.
   *
   * @return the names
   * @throws SqlException if the query fails
   * @throws IllegalStateException if the columns are not known yet and this DataFrame, or one it was made from, was
   *     {@linkplain #unpersist() unpersisted}
   */
  public String[] columns() {
    return schema().fieldNames();
  }

  /**
   * Returns the columns, with their types.
   *
   * @return the schema
   * @throws SqlException if the query fails
   * @throws IllegalStateException if the columns are not known yet and this DataFrame, or one it was made from, was
   *     {@linkplain #unpersist() unpersisted}
   */
  public StructType schema() {
    StructType known = schema;
    if (known == null) {
      known = read(engine -> engine.schema(relation));
      schema = known;
    }
    return known;
  }

  /**
   * Prints the schema as a tree, as Spark's {@code printSchema()}: {@code root}, then {@code |-- word: string
   * (nullable = true)} for each column.
   *
   * @throws SqlException if the query fails
   * @throws IllegalStateException if the columns are not known yet and this DataFrame, or one it was made from, was
   *     {@linkplain #unpersist() unpersisted}
   */
  public void printSchema() {
    System.out.println(schema().treeString());
  }

  /**
   * Returns the rows as an RDD of the session's context, for further processing in a stream (the rows are read
   * from the engine now, so later changes to views do not change the RDD).
   *
   * @return the rows, in {@code dstream.default.parallelism} partitions
   * @throws IllegalStateException if the session belongs to no context (made by the builder with no context
   *     active), or if this DataFrame, or one it was made from, was {@linkplain #unpersist() unpersisted}
   * @throws SqlException if the query fails
   */
  public RDD<Row> javaRDD() {
    return session.context().parallelize(collectAsList());
  }

  /**
   * Spark's other name of {@link #javaRDD()}.
   *
   * @return the rows as an RDD
   * @throws IllegalStateException if the session belongs to no context, or this DataFrame was unpersisted
   * @throws SqlException if the query fails
   */
  public RDD<Row> toJavaRDD() {
    return javaRDD();
  }

  /**
   * Spark's Scala name of {@link #javaRDD()}.
   *
   * @return the rows as an RDD
   * @throws IllegalStateException if the session belongs to no context, or this DataFrame was unpersisted
   * @throws SqlException if the query fails
   */
  public RDD<Row> rdd() {
    return javaRDD();
  }

  /**
   * Returns the given columns (or SQL expressions, such as {@code "upper(word) as w"}).
   *
   * @param columns the columns or expressions
   * @return a DataFrame of them
   * @throws IllegalArgumentException if no column is given
   */
  public DataFrame select(String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("select needs at least one column or expression");
    }
    return derived("SELECT " + String.join(", ", columns) + " FROM (" + relation + ")");
  }

  /**
   * Returns the rows for which a SQL condition holds, such as {@code "total > 1"}.
   *
   * @param condition the condition
   * @return a DataFrame of those rows
   */
  public DataFrame filter(String condition) {
    return derived("SELECT * FROM (" + relation + ") WHERE " + condition);
  }

  /**
   * Spark's other name of {@link #filter(String)}.
   *
   * @param condition the condition
   * @return a DataFrame of the rows for which it holds
   */
  public DataFrame where(String condition) {
    return filter(condition);
  }

  /**
   * Groups the rows by the given columns, for an aggregation such as {@code groupBy("word").count()}.
   *
   * @param columns the grouping columns
   * @return the groups
   * @throws IllegalArgumentException if no column is given
   */
  public GroupedData groupBy(String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("groupBy needs at least one column");
    }
    return new GroupedData(this, Arrays.stream(columns).map(Identifiers::quote).collect(Collectors.joining(", ")));
  }

  /**
   * Returns the rows sorted by the given columns or SQL sort expressions (such as {@code "total desc"}).
   *
   * @param columns the sort keys, the first first
   * @return a DataFrame of the sorted rows
   * @throws IllegalArgumentException if no column is given
   */
  public DataFrame orderBy(String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("orderBy needs at least one column");
    }
    return derived("SELECT * FROM (" + relation + ") ORDER BY " + String.join(", ", columns));
  }

  /**
   * Returns the first rows.
   *
   * @param n how many rows at most
   * @return a DataFrame of them
   * @throws IllegalArgumentException if n is negative
   */
  public DataFrame limit(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit needs a number of rows of 0 or more, got " + n);
    }
    return derived("SELECT * FROM (" + relation + ") LIMIT " + n);
  }

  DataFrame derived(String query) {
    return new DataFrame(session, query, this, null);
  }

  /**
   * Drops this DataFrame's rows from the engine now, rather than when it is no longer reachable, as Spark's
   * {@code unpersist()} frees a cached Dataset's memory: the way to keep the engine's memory to the batches in use
   * when DataFrames are made faster than the garbage collector runs. Unlike Spark's, the rows are not computed
   * again: using this DataFrame afterwards, or a DataFrame made from it ({@link #select}, {@link #filter}, ...),
   * throws {@link IllegalStateException} naming it, and a query of a view of it fails with the engine's message
   * that its table does not exist (make the view of another DataFrame first). A query running on another thread
   * meanwhile reads the rows to its end. Calling it again does nothing.
   *
   * <pre>{@code
   * DataFrame batch = session.createDataFrame(rdd, Word.class);
   * long words = batch.count();
   * batch.unpersist();
   * }</pre>
   *
   * @return this DataFrame
   */
  public DataFrame unpersist() {
    unpersisted = true;
    if (keepAlive instanceof TableHandle table) {
      table.drop();
    }
    return this;
  }

  /**
   * Runs an action's work on the engine. This DataFrame stays reachable until the work ends: otherwise, as soon
   * as the work has read the fields it needs, the garbage collector could find this DataFrame unreachable and
   * drop its table under the running query.
   */
  private <R> R read(Function<SqlEngine, R> work) {
    try {
      requireUsable();
      return work.apply(session.engine());
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  private void requireUsable() {
    for (DataFrame frame = this; frame != null; frame = frame.keepAlive instanceof DataFrame parent ? parent : null) {
      if (frame.unpersisted) {
        throw new IllegalStateException((frame == this ? "this DataFrame (" : "this DataFrame is a query over a "
            + "DataFrame (") + frame.relation + ") that was unpersisted, which dropped its rows; use it before "
            + "unpersist(), or make the DataFrame again");
      }
    }
  }

  private List<Row> rows(QueryResult result) {
    StructType rowSchema = result.schema();
    if (schema == null) {
      schema = rowSchema;
    }
    List<Row> rows = new ArrayList<>(result.rows().size());
    for (Object[] values : result.rows()) {
      rows.add(new Row(values, rowSchema));
    }
    return rows;
  }

  /** Returns the schema as Spark prints a DataFrame: {@code [word: string, total: bigint]}. */
  @Override
  public String toString() {
    return Arrays.stream(schema().fields()).map(f -> f.name() + ": " + f.dataType().typeName())
        .collect(Collectors.joining(", ", "[", "]"));
  }
}

package io.dstream.sql;

import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.internal.ContextAccess;
import io.dstream.rdd.RDD;
import io.dstream.sql.internal.EngineSettings;
import io.dstream.sql.internal.Identifiers;
import io.dstream.sql.internal.JavaColumns;
import io.dstream.sql.internal.SqlEngine;
import io.dstream.sql.internal.TableHandle;
import io.dstream.sql.internal.TableLoader;
import io.dstream.sql.internal.TableLoader.ValuesReader;
import io.dstream.sql.types.DataType;
import io.dstream.sql.types.StructField;
import io.dstream.sql.types.StructType;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of SQL over a stream's batches, as Spark SQL's {@code SparkSession}: it turns RDDs into
 * {@link DataFrame}s, keeps their views, and runs SQL over them, on an embedded DuckDB engine in this process
 * (memory bounded by {@code dstream.sql.memoryLimit}). One session per context ({@link #getOrCreate}), closed
 * when the context stops. Thread-safe: a batch's job and other threads may use it at once.
 *
 * <pre>{@code
 * words.foreachRDD(rdd -> {
 *   SqlSession spark = SqlSession.getOrCreate(ssc);
 *   spark.createDataFrame(rdd.map(Word::new), Word.class).createOrReplaceTempView("words");
 *   spark.sql("select word, count(*) as total from words group by word").show();
 * });
 * }</pre>
 */
public final class SqlSession implements AutoCloseable {
  /** The key of a context's session among its resources. */
  private record SessionOfContext() {}

  private static final Logger LOG = LoggerFactory.getLogger(SqlSession.class);

  private final StreamingContext context;
  private final SqlEngine engine;
  private final Map<String, String> settings;
  private final ZoneId timeZone;
  private final Map<String, DataFrame> views = new ConcurrentHashMap<>();
  private final AtomicBoolean warnedOfIgnoredSettings = new AtomicBoolean();

  private SqlSession(StreamingContext context, StreamingConf conf) {
    this.context = context;
    this.settings = conf.getAll();
    ZoneId zone = conf.get(ConfigKeys.SQL_SESSION_TIME_ZONE);
    this.timeZone = zone == null ? ZoneId.systemDefault() : zone;
    this.engine = SqlEngine.open(EngineSettings.of(conf));
  }

  /**
   * Returns the session of a context, made on first use from the context's configuration; the context closes it
   * when it stops.
   *
   * @param ssc the context
   * @return its session
   * @throws IllegalStateException if the context has stopped
   */
  public static SqlSession getOrCreate(StreamingContext ssc) {
    return getOrCreate(ssc, ssc.conf());
  }

  private static SqlSession getOrCreate(StreamingContext ssc, StreamingConf conf) {
    return ContextAccess.runtime(ssc).resources().get(new SessionOfContext(), () -> new SqlSession(ssc, conf));
  }

  /**
   * Logs once, as Spark does, that a builder's settings came too late for the session it returned, if they differ
   * from those the session was made with.
   */
  private void warnIfIgnored(Map<String, String> requested) {
    List<String> ignored = requested.entrySet().stream()
        .filter(e -> !e.getValue().equals(settings.get(e.getKey()))).map(Map.Entry::getKey).sorted().toList();
    if (!ignored.isEmpty() && warnedOfIgnoredSettings.compareAndSet(false, true)) {
      LOG.warn("Using an existing SqlSession; some configuration may not take effect: {} differ from the settings "
          + "the session was made with (set them on the context's StreamingConf before its first session)", ignored);
    }
  }

  /**
   * Returns a builder, as Spark's {@code SparkSession.builder()}: its {@code getOrCreate()} returns the session
   * of the active context.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  StreamingContext context() {
    if (context == null) {
      throw new IllegalStateException("this SqlSession belongs to no StreamingContext, so it cannot make RDDs; "
          + "use SqlSession.getOrCreate(ssc)");
    }
    return context;
  }

  SqlEngine engine() {
    return engine;
  }

  /**
   * Returns the time zone that {@link DataFrame#show()} prints timestamps in, as Spark's
   * {@code spark.sql.session.timeZone}: {@code dstream.sql.session.timeZone}, or the JVM's zone when the session was
   * made.
   *
   * @return the zone
   */
  public ZoneId timeZone() {
    return timeZone;
  }

  /**
   * Loads an RDD of Java beans or records as a DataFrame of one column per readable property (by getter, in name
   * order, as Spark does) or record component (in order); nulls are kept. The RDD's partitions are loaded in
   * parallel, by a job.
   *
   * @param rdd the records
   * @param beanClass their class
   * @param <T> their type
   * @return the DataFrame
   * @throws IllegalArgumentException if the class has no readable property, or one of a type no column holds
   *     (naming the class and property)
   * @throws SqlException if the engine refuses the rows (such as when they do not fit in its memory)
   */
  public <T> DataFrame createDataFrame(RDD<T> rdd, Class<T> beanClass) {
    JavaColumns columns = JavaColumns.of(beanClass);
    return load(rdd, columns.schema(), columns::read);
  }

  /**
   * Loads an RDD of rows as a DataFrame of the given schema, as Spark's {@code createDataFrame(rowRDD, schema)}.
   *
   * @param rows the rows, each with a value (or null) per column, of the column type's class
   * @param schema the columns
   * @return the DataFrame
   * @throws IllegalArgumentException if a row has another number of values, or a value of another class
   * @throws SqlException if the engine refuses the rows
   */
  public DataFrame createDataFrame(RDD<Row> rows, StructType schema) {
    DataType[] types = new DataType[schema.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = schema.apply(i).dataType();
    }
    return load(rows, schema, (row, values) -> {
      if (row.size() != types.length) {
        throw new IllegalArgumentException("row " + row + " has " + row.size() + " values, and the schema "
            + schema + " " + types.length + " columns");
      }
      for (int i = 0; i < types.length; i++) {
        values[i] = JavaColumns.checked(row.get(i), types[i], "column " + schema.apply(i).name());
      }
    });
  }

  /**
   * Loads an RDD of plain values as a DataFrame of one column, as Spark's {@code rdd.toDF("word")}.
   *
   * @param rdd the values
   * @param valueClass their class, such as {@code String.class}
   * @param column the column's name
   * @param <T> their type
   * @return the DataFrame
   * @throws IllegalArgumentException if no column holds values of that class
   * @throws SqlException if the engine refuses the rows
   */
  public <T> DataFrame toDF(RDD<T> rdd, Class<T> valueClass, String column) {
    return load(rdd, JavaColumns.single(valueClass, column), (value, values) -> values[0] = value);
  }

  private <T> DataFrame load(RDD<T> rdd, StructType schema, ValuesReader<T> reader) {
    TableHandle table = TableLoader.load(engine, rdd, schema, reader);
    return new DataFrame(this, "SELECT * FROM " + table.table(), table, schema);
  }

  /**
   * Runs SQL, as Spark's {@code sql}: a statement the engine answers with rows (a query, an {@code EXPLAIN}, a
   * {@code SHOW}, ...) gives a DataFrame of them at once (a snapshot: replacing the views it read later does not
   * change it), with the result's column names even where they repeat; another statement (such as
   * {@code CREATE VIEW}) runs and returns an empty DataFrame.
   *
   * @param sqlText the statement, in DuckDB's SQL dialect, naming the views of this session
   * @return its result
   * @throws SqlException with the engine's message and the statement, if it fails
   * @throws IllegalArgumentException if a column of the result is of a type no column type holds (cast it in the
   *     query)
   */
  public DataFrame sql(String sqlText) {
    String table = engine.newTableName();
    StructType result = engine.runInto(sqlText, table);
    if (result == null) {
      return new DataFrame(this, "SELECT 1 WHERE false", null, new StructType(new StructField[0]));
    }
    StringBuilder relation = new StringBuilder("SELECT ");
    for (int i = 0; i < result.size(); i++) {
      relation.append(i == 0 ? "" : ", ").append("c").append(i + 1).append(" AS ")
          .append(Identifiers.quote(result.apply(i).name()));
    }
    relation.append(" FROM ").append(table);
    return new DataFrame(this, relation.toString(), TableHandle.dropWhenUnreachable(engine, table), result);
  }

  /**
   * Returns the DataFrame of a view, as Spark's {@code table(name)}.
   *
   * @param viewName the view's name
   * @return its DataFrame
   * @throws IllegalArgumentException if the session has no such view
   */
  public DataFrame table(String viewName) {
    DataFrame frame = views.get(viewName.toLowerCase(Locale.ROOT));
    if (frame == null) {
      throw new IllegalArgumentException("no view named " + viewName + "; the views are " + views.keySet()
          + " (make one with createOrReplaceTempView)");
    }
    return frame;
  }

  /**
   * Drops a view, as Spark's {@code catalog().dropTempView(name)}.
   *
   * @param viewName the view's name
   * @return whether there was such a view
   */
  public synchronized boolean dropTempView(String viewName) {
    DataFrame dropped = views.remove(viewName.toLowerCase(Locale.ROOT));
    if (dropped != null) {
      engine.execute("DROP VIEW IF EXISTS " + Identifiers.quote(viewName));
    }
    return dropped != null;
  }

  synchronized void replaceView(String name, DataFrame frame) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a view needs a name, got " + (name == null ? "null" : "\"" + name + "\""));
    }
    engine.execute("CREATE OR REPLACE VIEW " + Identifiers.quote(name) + " AS " + frame.relation());
    views.put(name.toLowerCase(Locale.ROOT), frame);
  }

  /**
   * Returns a reader of files as DataFrames (static tables to join with a stream's batches), as Spark's
   * {@code read()}.
   *
   * @return a reader
   */
  public DataFrameReader read() {
    return new DataFrameReader(this);
  }

  /**
   * Closes the engine, dropping every DataFrame and view; the context does this when it stops. Using the session
   * afterwards throws {@link IllegalStateException}.
   */
  @Override
  public synchronized void close() {
    views.clear();
    engine.close();
  }

  /**
   * Makes a session the way Spark's {@code SparkSession.builder()} does, so that Spark's
   * {@code SparkSession.builder().config(conf).getOrCreate()} ports.
   */
  public static final class Builder {
    private final StreamingConf conf = new StreamingConf();

    private Builder() {}

    /**
     * Takes the settings of a configuration ({@code dstream.sql.memoryLimit}, ...) for the session, if it is
     * made now.
     *
     * @param other the configuration
     * @return this builder
     */
    public Builder config(StreamingConf other) {
      conf.setAll(other.getAll());
      return this;
    }

    /**
     * Sets one setting for the session, if it is made now.
     *
     * @param key the key, such as {@code dstream.sql.memoryLimit}
     * @param value its value
     * @return this builder
     */
    public Builder config(String key, String value) {
      conf.set(key, value);
      return this;
    }

    /**
     * Returns the session of the active context, made with this builder's settings over the context's if it has
     * none yet; if it has one, settings of this builder that differ from the session's do not take effect, and
     * the first time that happens a WARN says so, as Spark's does.
     *
     * @return the session
     * @throws IllegalStateException if no context is active (start one, or use {@link #getOrCreate(StreamingContext)})
     */
    public SqlSession getOrCreate() {
      StreamingContext active = StreamingContext.getActive().orElseThrow(() -> new IllegalStateException(
          "SqlSession.builder().getOrCreate() returns the session of the active StreamingContext, and none is "
              + "active; start the context first, or call SqlSession.getOrCreate(ssc)"));
      StreamingConf merged = active.conf().copy();
      merged.setAll(conf.getAll());
      SqlSession session = SqlSession.getOrCreate(active, merged);
      session.warnIfIgnored(conf.getAll());
      return session;
    }
  }
}

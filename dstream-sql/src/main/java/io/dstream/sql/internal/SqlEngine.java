package io.dstream.sql.internal;

import io.dstream.ConfigKeys;
import io.dstream.sql.SqlException;
import io.dstream.sql.types.DataType;
import io.dstream.sql.types.DataTypes;
import io.dstream.sql.types.StructField;
import io.dstream.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One in-process DuckDB database, in memory, bounded by {@link EngineSettings}: the tables of a session's
 * DataFrames and its views. Thread-safe: each call borrows a connection of its own from a pool (a DuckDB
 * connection is used by one thread at a time), so that a batch's tasks load partitions in parallel and queries
 * from other threads run beside them, each on a snapshot of the database.
 */
public final class SqlEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqlEngine.class);

  private final DuckDBConnection primary;
  private final ConcurrentLinkedQueue<DuckDBConnection> idle = new ConcurrentLinkedQueue<>();
  private final AtomicLong tableIds = new AtomicLong();
  private final Path ownTempDirectory;
  private final String outOfMemoryHint;
  private volatile boolean closed;

  private SqlEngine(DuckDBConnection primary, Path ownTempDirectory, String outOfMemoryHint) {
    this.primary = primary;
    this.ownTempDirectory = ownTempDirectory;
    this.outOfMemoryHint = outOfMemoryHint;
  }

  /**
   * Opens an engine.
   *
   * @param settings its memory, threads and spill directory
   * @return the engine
   * @throws IllegalStateException if DuckDB cannot start (its native library does not load on this platform)
   */
  public static SqlEngine open(EngineSettings settings) {
    Path own = null;
    SqlEngine engine = null;
    try {
      own = settings.tempDirectory() == null
          ? Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "dstream-sql-") : null;
      Path temp = own != null ? own : settings.tempDirectory();
      engine = new SqlEngine((DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"), own,
          "\n(dstream-sql: the engine's memory is bounded by " + ConfigKeys.SQL_MEMORY_LIMIT.name() + " = "
              + settings.memoryLimitBytes() + " bytes, past which it spills to " + temp + "; this did not fit even "
              + "so: raise " + ConfigKeys.SQL_MEMORY_LIMIT.name() + ", or make the batches or the query's "
              + "intermediate results smaller)");
      engine.execute("SET memory_limit = '" + Math.max(1, settings.memoryLimitBytes() >> 10) + "KiB'");
      engine.execute("SET threads = " + settings.threads());
      engine.execute("SET temp_directory = '" + temp.toString().replace("'", "''") + "'");
      // TIMESTAMP columns hold UTC times, so that casts to and from TIMESTAMP WITH TIME ZONE, and literals of it
      // without an offset, mean the same instants whatever the machine's zone.
      engine.execute("SET TimeZone = 'UTC'");
      LOG.debug("SQL engine opened: memory limit {} bytes, {} threads, spilling to {}",
          settings.memoryLimitBytes(), settings.threads(), temp);
      return engine;
    } catch (SQLException | RuntimeException e) {
      closeAfterFailedStart(engine, own, e);
      throw e instanceof SQLException
          ? new IllegalStateException("cannot start the SQL engine (DuckDB): " + e.getMessage(), e)
          : (RuntimeException) e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the SQL engine's spill directory under java.io.tmpdir", e);
    }
  }

  /** Closes what a start that failed had opened (the engine, or only its spill directory), keeping its error. */
  private static void closeAfterFailedStart(SqlEngine engine, Path own, Exception failure) {
    try {
      if (engine != null) {
        engine.close();
      } else if (own != null) {
        deleteTree(own);
      }
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Returns a name for a new table, unique in this engine.
   *
   * @return the name
   */
  public String newTableName() {
    return "dstream_df_" + tableIds.incrementAndGet();
  }

  /**
   * Creates an empty table.
   *
   * @param table its name
   * @param schema its columns
   * @throws SqlException if the engine refuses it
   */
  public void createTable(String table, StructType schema) {
    StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table).append(" (");
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      ddl.append(i == 0 ? "" : ", ").append(Identifiers.quote(fields[i].name())).append(' ')
          .append(fields[i].dataType().sqlType());
    }
    execute(ddl.append(')').toString());
  }

  /**
   * Appends rows to a table in one transaction of a connection of this thread's own: they all become visible
   * when the last is in, or none does (a task attempt that fails half-way leaves nothing for its retry to
   * duplicate).
   *
   * @param table the table
   * @param schema its columns
   * @param rows the rows, each array read in column order before the next is asked for (so the iterator may
   *     reuse one array)
   * @return how many rows were appended
   * @throws SqlException if the engine refuses a value or the commit
   * @throws IllegalArgumentException if a value is not of its column's class
   */
  public long append(String table, StructType schema, Iterator<Object[]> rows) {
    DuckDBConnection connection = borrow();
    try {
      run(connection, "BEGIN TRANSACTION", table);
      long count;
      try {
        count = appendRows(connection, table, schema, rows);
      } catch (Throwable e) {
        rollback(connection, table, e);
        throw e;
      }
      run(connection, "COMMIT", table);
      return count;
    } finally {
      release(connection);
    }
  }

  private long appendRows(DuckDBConnection connection, String table, StructType schema, Iterator<Object[]> rows) {
    DataType[] types = new DataType[schema.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = schema.apply(i).dataType();
    }
    long count = 0;
    try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
      while (rows.hasNext()) {
        Object[] values = rows.next();
        appender.beginRow();
        for (int i = 0; i < types.length; i++) {
          ColumnValues.append(appender, types[i], values[i]);
        }
        appender.endRow();
        count++;
      }
    } catch (SQLException e) {
      throw loadFailure(e, table);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("a row does not fit the schema " + schema + ": " + e.getMessage(), e);
    }
    return count;
  }

  /** Runs a statement of the load into a table on the load's own connection. */
  private void run(DuckDBConnection connection, String sql, String table) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw loadFailure(e, table);
    }
  }

  private void rollback(DuckDBConnection connection, String table, Throwable failure) {
    try {
      run(connection, "ROLLBACK", table);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private SqlException loadFailure(SQLException e, String table) {
    return new SqlException(e.getMessage() + "\n(while loading the rows of a DataFrame into table " + table + ")"
        + hintFor(e), e);
  }

  /**
   * Drops a table, if it exists.
   *
   * @param table the table's name
   * @throws SqlException if the engine refuses
   * @throws IllegalStateException if the engine is closed
   */
  public void dropTable(String table) {
    execute("DROP TABLE IF EXISTS " + table);
  }

  /**
   * Runs a statement that returns no rows.
   *
   * @param sql the statement
   * @throws SqlException with the engine's message and the statement, if it fails
   */
  public void execute(String sql) {
    execute(sql, sql);
  }

  /**
   * Runs a statement made of a user's statement (such as {@code CREATE TABLE t AS} and their query), naming
   * theirs if it fails.
   *
   * @param sql the statement
   * @param usersStatement the user's statement inside it
   * @throws SqlException with the engine's message and the user's statement, if it fails
   */
  public void execute(String sql, String usersStatement) {
    withStatement(usersStatement, statement -> {
      try {
        statement.execute(sql);
      } catch (SQLException e) {
        throw failure(e, usersStatement);
      }
    });
  }

  /**
   * Runs a query and reads all its rows.
   *
   * @param sql the query
   * @return its rows and columns
   * @throws SqlException with the engine's message and the query, if it fails
   */
  public QueryResult query(String sql) {
    List<QueryResult> result = new ArrayList<>(1);
    withStatement(sql, statement -> {
      try (ResultSet rows = statement.executeQuery(sql)) {
        StructType schema = schemaOf(rows.getMetaData());
        DataType[] types = new DataType[schema.size()];
        for (int i = 0; i < types.length; i++) {
          types[i] = schema.apply(i).dataType();
        }
        List<Object[]> values = new ArrayList<>();
        while (rows.next()) {
          Object[] row = new Object[types.length];
          for (int i = 0; i < types.length; i++) {
            row[i] = ColumnValues.read(rows, i + 1, types[i]);
          }
          values.add(row);
        }
        result.add(new QueryResult(schema, values));
      } catch (SQLException e) {
        throw failure(e, sql);
      }
    });
    return result.get(0);
  }

  /**
   * Runs a statement and, if the engine answers it with rows (a query, an {@code EXPLAIN}, a {@code SHOW}, ...,
   * whatever its text starts with), puts them into a new table, one column per result column, named
   * {@code c1}, {@code c2}, ... (the result's own names may repeat). A query's rows go from the engine into the
   * table without passing through Java; the rows of a statement that cannot stand as a subquery (such as
   * {@code EXPLAIN}) are copied through Java, which is fine for the few rows such statements give.
   *
   * @param sql the statement
   * @param table the name of the table to make
   * @return the result's columns, with their own names, or null if the statement gave no rows (and no table was
   *     made)
   * @throws SqlException with the engine's message and the statement, if it fails
   */
  public StructType runInto(String sql, String table) {
    StructType created = createTableAs(sql, table);
    return created != null ? created : runAndCopyInto(sql, table);
  }

  /**
   * Makes the table of a query inside the engine; returns null, having run nothing, if the statement is no
   * query (its columns cannot be known without running it, or the engine's parser refuses it as a subquery).
   */
  private StructType createTableAs(String sql, String table) {
    StructType columns = preparedColumns(sql);
    if (columns == null || columns.size() == 0) {
      return null;
    }
    StringBuilder create = new StringBuilder("CREATE TABLE ").append(table).append(" AS SELECT * FROM (\n")
        .append(sql).append("\n) AS result(");
    for (int i = 0; i < columns.size(); i++) {
      create.append(i == 0 ? "" : ", ").append('c').append(i + 1);
    }
    create.append(')');
    try {
      execute(create.toString(), sql);
      return columns;
    } catch (SqlException e) {
      if (e.getCause() instanceof SQLException cause && String.valueOf(cause.getMessage()).startsWith("Parser Error")) {
        return null;
      }
      throw e;
    }
  }

  /** The columns a statement would return, with their own names, from its preparation; null if it is refused. */
  private StructType preparedColumns(String sql) {
    DuckDBConnection connection = borrow();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      ResultSetMetaData metadata = statement.getMetaData();
      return metadata == null ? null : schemaOf(metadata);
    } catch (SQLException | IllegalArgumentException e) {
      // Running the statement will report why it is refused, in the user's terms.
      return null;
    } finally {
      release(connection);
    }
  }

  private StructType runAndCopyInto(String sql, String table) {
    List<StructType> result = new ArrayList<>(1);
    withStatement(sql, statement -> {
      try {
        if (statement.execute(sql)) {
          try (ResultSet rows = statement.getResultSet()) {
            result.add(copy(rows, sql, table));
          }
        }
      } catch (SQLException e) {
        throw failure(e, sql);
      }
    });
    return result.isEmpty() ? null : result.get(0);
  }

  private StructType copy(ResultSet rows, String sql, String table) throws SQLException {
    StructType schema = schemaOf(rows.getMetaData());
    StructField[] positional = new StructField[schema.size()];
    DataType[] types = new DataType[schema.size()];
    for (int i = 0; i < positional.length; i++) {
      types[i] = schema.apply(i).dataType();
      positional[i] = new StructField("c" + (i + 1), types[i], true);
    }
    StructType tableSchema = new StructType(positional);
    createTable(table, tableSchema);
    try {
      append(table, tableSchema, new ResultRows(rows, types, sql));
    } catch (RuntimeException e) {
      try {
        execute("DROP TABLE IF EXISTS " + table);
      } catch (RuntimeException dropFailure) {
        e.addSuppressed(dropFailure);
      }
      throw e;
    }
    return schema;
  }

  /** The rows of a result set, read one at a time into one array. */
  private final class ResultRows implements Iterator<Object[]> {
    private final ResultSet rows;
    private final DataType[] types;
    private final String sql;
    private final Object[] values;
    private Boolean hasNext;

    ResultRows(ResultSet rows, DataType[] types, String sql) {
      this.rows = rows;
      this.types = types;
      this.sql = sql;
      this.values = new Object[types.length];
    }

    @Override
    public boolean hasNext() {
      if (hasNext == null) {
        try {
          hasNext = rows.next();
        } catch (SQLException e) {
          throw failure(e, sql);
        }
      }
      return hasNext;
    }

    @Override
    public Object[] next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException("no more rows of " + sql);
      }
      hasNext = null;
      try {
        for (int i = 0; i < types.length; i++) {
          values[i] = ColumnValues.read(rows, i + 1, types[i]);
        }
      } catch (SQLException e) {
        throw failure(e, sql);
      }
      return values;
    }
  }

  /**
   * Returns the columns a query would return, without running it to the end.
   *
   * @param sql the query
   * @return its columns
   * @throws SqlException with the engine's message and the query, if it fails
   */
  public StructType schema(String sql) {
    return query("SELECT * FROM (" + sql + ") LIMIT 0").schema();
  }

  private static StructType schemaOf(ResultSetMetaData metadata) throws SQLException {
    StructField[] fields = new StructField[metadata.getColumnCount()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = new StructField(metadata.getColumnLabel(i + 1),
          DataTypes.fromSqlType(metadata.getColumnTypeName(i + 1)),
          metadata.isNullable(i + 1) != ResultSetMetaData.columnNoNulls);
    }
    return new StructType(fields);
  }

  private void withStatement(String sql, Consumer<Statement> action) {
    DuckDBConnection connection = borrow();
    try (Statement statement = connection.createStatement()) {
      action.accept(statement);
    } catch (SQLException e) {
      throw failure(e, sql);
    } finally {
      release(connection);
    }
  }

  private SqlException failure(SQLException e, String sql) {
    return new SqlException(e.getMessage() + "\nin: " + sql + hintFor(e), e);
  }

  /** Names the key that bounds the engine's memory when the engine ran out of it (its own advice is SQL's). */
  private String hintFor(SQLException e) {
    return isOutOfMemory(e) ? outOfMemoryHint : "";
  }

  /**
   * Whether a failure is the engine's running out of memory, which fails again however often it is retried.
   *
   * @param failure a failure of this class's methods
   * @return true if its cause, the engine's error, says the engine ran out of memory
   */
  public static boolean isOutOfMemory(SqlException failure) {
    return failure.getCause() instanceof SQLException e && isOutOfMemory(e);
  }

  private static boolean isOutOfMemory(SQLException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Out of Memory") || message.contains("could not allocate block")
        || message.contains("failed to pin block");
  }

  private DuckDBConnection borrow() {
    if (closed) {
      throw new IllegalStateException("the SqlSession is closed (its context stopped, or close() was called); "
          + "get a session of a running context with SqlSession.getOrCreate(ssc)");
    }
    DuckDBConnection connection = idle.poll();
    if (connection != null) {
      return connection;
    }
    try {
      return primary.duplicate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open a connection to the SQL engine: " + e.getMessage(), e);
    }
  }

  private void release(DuckDBConnection connection) {
    idle.offer(connection);
    if (closed) {
      closeQuietly(connection);
    }
  }

  /**
   * Whether the engine was closed.
   *
   * @return true after {@link #close()}
   */
  public boolean isClosed() {
    return closed;
  }

  /** Closes every connection and the database, and deletes the spill directory it made. */
  @Override
  public void close() {
    closed = true;
    for (DuckDBConnection connection = idle.poll(); connection != null; connection = idle.poll()) {
      closeQuietly(connection);
    }
    closeQuietly(primary);
    if (ownTempDirectory != null) {
      deleteTree(ownTempDirectory);
    }
  }

  private static void deleteTree(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete the SQL engine's spill directory {}: {}", directory, e.toString());
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("could not close a connection of the SQL engine: {}", e.toString());
    }
  }
}

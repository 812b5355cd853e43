package io.dstream.benchmarks;

import io.dstream.rdd.RDD;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The words in an in-memory H2 database, the pure-Java engine dstream-sql was compared with: each partition
 * inserts its words on a connection of its own with JDBC batches of {@value #INSERT_BATCH} rows, as dstream-sql
 * loads partitions in parallel. Only the benchmark has this path; the library runs on DuckDB.
 */
final class H2WordCountTable implements WordCountTable {
  private static final int INSERT_BATCH = 10_000;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final String url;
  private final Connection connection;

  /** Opens a new in-memory database, kept until {@link #close()}. */
  H2WordCountTable() {
    url = "jdbc:h2:mem:dstream-sql-benchmark-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    try {
      connection = DriverManager.getConnection(url);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open H2 at " + url + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void load(RDD<String> words) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS words");
      statement.execute("CREATE TABLE words (word VARCHAR)");
    } catch (SQLException e) {
      throw new IllegalStateException("H2 refused the table: " + e.getMessage(), e);
    }
    String database = url;
    words.foreachPartition(partition -> insert(database, partition));
  }

  private static void insert(String url, Iterator<String> words) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement insert = connection.prepareStatement("INSERT INTO words VALUES (?)")) {
      connection.setAutoCommit(false);
      int pending = 0;
      while (words.hasNext()) {
        insert.setString(1, words.next());
        insert.addBatch();
        if (++pending == INSERT_BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      insert.executeBatch();
      connection.commit();
    }
  }

  @Override
  public Map<String, Long> countWords() {
    Map<String, Long> totals = new HashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(QUERY)) {
      while (rows.next()) {
        totals.put(rows.getString(1), rows.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("H2 failed the query: " + e.getMessage(), e);
    }
    return totals;
  }

  @Override
  public void close() {
    try (connection; Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot shut H2 down: " + e.getMessage(), e);
    }
  }
}

package io.dstream.sql.internal;

import java.lang.ref.Cleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine table that holds the rows of one loaded DataFrame, dropped when no DataFrame, view or derived
 * DataFrame reaches it any more (the DataFrame holds the handle; a view holds its DataFrame). Dropping waits for
 * no query: a query that reads the table on another thread keeps its snapshot.
 */
public final class TableHandle {
  private static final Logger LOG = LoggerFactory.getLogger(TableHandle.class);
  private static final Cleaner CLEANER = Cleaner.create();

  private final String table;

  private TableHandle(String table) {
    this.table = table;
  }

  /**
   * Returns a handle of a table that the engine drops once the handle is unreachable.
   *
   * @param engine the engine holding the table
   * @param table the table's name
   * @return the handle
   */
  public static TableHandle dropWhenUnreachable(SqlEngine engine, String table) {
    TableHandle handle = new TableHandle(table);
    CLEANER.register(handle, () -> drop(engine, table));
    return handle;
  }

  /**
   * Returns the table's name.
   *
   * @return the name
   */
  public String table() {
    return table;
  }

  private static void drop(SqlEngine engine, String table) {
    if (engine.isClosed()) {
      return;
    }
    try {
      engine.dropTable(table);
    } catch (RuntimeException e) {
      LOG.debug("could not drop table {} of a DataFrame no longer used: {}", table, e.toString());
    }
  }
}

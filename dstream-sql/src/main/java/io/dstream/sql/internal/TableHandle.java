package io.dstream.sql.internal;

import java.lang.ref.Cleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine table that holds the rows of one loaded DataFrame, dropped by {@link #drop()} (a DataFrame's
 * {@code unpersist()}) or else when no DataFrame, view or derived DataFrame reaches it any more (the DataFrame
 * holds the handle; a view holds its DataFrame). Dropping waits for no query: a query that reads the table on
 * another thread keeps its snapshot.
 */
public final class TableHandle {
  private static final Logger LOG = LoggerFactory.getLogger(TableHandle.class);
  private static final Cleaner CLEANER = Cleaner.create();

  private final String table;
  private final Cleaner.Cleanable dropping;

  private TableHandle(SqlEngine engine, String table) {
    this.table = table;
    // The action captures the engine and the name, not the handle, which would then stay reachable for ever.
    this.dropping = CLEANER.register(this, () -> drop(engine, table));
  }

  /**
   * Returns a handle of a table that the engine drops once the handle is unreachable.
   *
   * @param engine the engine holding the table
   * @param table the table's name
   * @return the handle
   */
  public static TableHandle dropWhenUnreachable(SqlEngine engine, String table) {
    return new TableHandle(engine, table);
  }

  /** Drops the table now (once: later calls, and the handle becoming unreachable, do nothing). */
  public void drop() {
    dropping.clean();
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

package io.dstream.sql.internal;

import io.dstream.rdd.RDD;
import io.dstream.sql.SqlException;
import io.dstream.sql.types.StructType;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads an RDD into a new table of the engine, by a job of one task per partition. Each task attempt appends its
 * partition in a transaction of its own, so only the attempt that succeeds is seen; a load that fails for good
 * drops its table. When the engine runs out of memory the load fails at once, without the retries and the other
 * partitions (they would fail the same way).
 */
public final class TableLoader {
  /**
   * Reads one record's values into an array, in column order.
   *
   * @param <T> the records' type
   */
  public interface ValuesReader<T> {
    /**
     * Reads the values.
     *
     * @param record the record
     * @param values where to put its values, one per column
     */
    void read(T record, Object[] values);
  }

  private TableLoader() {}

  /**
   * Loads the records into a new table.
   *
   * @param engine the engine
   * @param rdd the records
   * @param schema the table's columns
   * @param reader reads a record's values
   * @param <T> the records' type
   * @return the table, dropped when unreachable
   * @throws SqlException if the engine refuses the table or the rows (naming {@code dstream.sql.memoryLimit} when
   *     they do not fit in its memory)
   * @throws io.dstream.rdd.JobFailedException if a task keeps failing (a user function throws)
   */
  public static <T> TableHandle load(SqlEngine engine, RDD<T> rdd, StructType schema, ValuesReader<T> reader) {
    String table = engine.newTableName();
    engine.createTable(table, schema);
    try {
      AtomicReference<SqlException> outOfMemory = new AtomicReference<>();
      rdd.foreachPartition(records -> {
        if (outOfMemory.get() == null) {
          appendPartition(engine, table, schema, reader, records, outOfMemory);
        }
      });
      if (outOfMemory.get() != null) {
        throw outOfMemory.get();
      }
    } catch (RuntimeException | Error e) {
      try {
        engine.dropTable(table);
      } catch (RuntimeException dropFailure) {
        e.addSuppressed(dropFailure);
      }
      throw e;
    }
    return TableHandle.dropWhenUnreachable(engine, table);
  }

  /**
   * Appends one partition; an out-of-memory failure ends the task normally, so that it is not retried, and is
   * kept for the load to throw.
   */
  private static <T> void appendPartition(SqlEngine engine, String table, StructType schema,
      ValuesReader<T> reader, Iterator<T> records, AtomicReference<SqlException> outOfMemory) {
    Object[] values = new Object[schema.size()];
    try {
      engine.append(table, schema, new Iterator<>() {
        @Override
        public boolean hasNext() {
          return records.hasNext();
        }

        @Override
        public Object[] next() {
          reader.read(records.next(), values);
          return values;
        }
      });
    } catch (SqlException e) {
      if (!SqlEngine.isOutOfMemory(e)) {
        throw e;
      }
      outOfMemory.compareAndSet(null, e);
    }
  }
}

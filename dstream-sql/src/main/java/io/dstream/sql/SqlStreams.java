package io.dstream.sql;

import io.dstream.DStream;
import io.dstream.StreamingContext;
import io.dstream.sql.internal.JavaColumns;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SQL as a step of a pipeline: each batch of a stream becomes a view, a query runs over it, and its rows are the
 * batch of a new stream.
 */
public final class SqlStreams {
  private SqlStreams() {}

  /**
   * Returns the stream of a query's rows over each batch: every batch time, the batch is loaded as the view
   * {@code viewName} of the context's session (replacing the previous batch's) and the query runs over it, with
   * any other view of the session (static tables to join with). A window of a stream works the same way: its
   * batch is the window. The query runs when the batch's jobs are generated, as {@code transform}'s function
   * does. The view's previous batch is {@linkplain DataFrame#unpersist() unpersisted} when the next replaces it, so
   * the engine holds one batch of the stream at a time. A batch whose load or query the engine refuses fails with
   * a {@link SqlException} of the engine's message, the query and the batch time.
   *
   * <pre>{@code
   * DStream<Row> counts = SqlStreams.sql(words, Word.class, "words",
   *     "select word, count(*) as total from words group by word");
   * }</pre>
   *
   * @param stream the records
   * @param beanClass their class, a Java bean or record ({@link SqlSession#createDataFrame(io.dstream.rdd.RDD,
   *     Class)})
   * @param viewName the view each batch becomes
   * @param query the query
   * @param <T> the records' type
   * @return the stream of the query's rows
   * @throws IllegalArgumentException if the class has no readable property, or one of a type no column holds
   * @throws IllegalStateException if the context has started already
   */
  public static <T> DStream<Row> sql(DStream<T> stream, Class<T> beanClass, String viewName, String query) {
    JavaColumns.of(beanClass);
    StreamingContext ssc = stream.context();
    // The batch the view shows: its table is dropped when the next batch's view replaces it.
    AtomicReference<DataFrame> shown = new AtomicReference<>();
    return stream.transform((rdd, time) -> {
      SqlSession session = SqlSession.getOrCreate(ssc);
      try {
        DataFrame batch = session.createDataFrame(rdd, beanClass);
        batch.createOrReplaceTempView(viewName);
        DataFrame previous = shown.getAndSet(batch);
        if (previous != null) {
          previous.unpersist();
        }
        // Read straight from the query, without the table that session.sql() would keep its result in.
        return new DataFrame(session, query, null, null).javaRDD();
      } catch (SqlException e) {
        throw new SqlException(e.getMessage() + "\nin the batch of " + time + " of SqlStreams.sql over the view "
            + viewName, e);
      }
    });
  }
}

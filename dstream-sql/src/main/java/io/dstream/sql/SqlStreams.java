package io.dstream.sql;

import io.dstream.DStream;
import io.dstream.StreamingContext;

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
   * does.
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
    io.dstream.sql.internal.JavaColumns.of(beanClass);
    StreamingContext ssc = stream.context();
    return stream.transform((rdd, time) -> {
      SqlSession session = SqlSession.getOrCreate(ssc);
      session.createDataFrame(rdd, beanClass).createOrReplaceTempView(viewName);
      try {
        return session.sql(query).javaRDD();
      } catch (SqlException e) {
        throw new SqlException(e.getMessage() + "\nin the batch of " + time, e.getCause());
      }
    });
  }
}

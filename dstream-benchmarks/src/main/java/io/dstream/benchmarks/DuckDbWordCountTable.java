package io.dstream.benchmarks;

import io.dstream.StreamingContext;
import io.dstream.rdd.RDD;
import io.dstream.sql.Row;
import io.dstream.sql.SqlSession;
import java.util.HashMap;
import java.util.Map;

/**
 * The words in dstream-sql's engine (DuckDB), through its public API as an application uses it: the batch becomes
 * a one-column DataFrame ({@code toDF}, the single-column path), registered as the view {@code words}.
 */
final class DuckDbWordCountTable implements WordCountTable {
  private final SqlSession session;

  /**
   * Uses the session of a context; the context closes it when it stops.
   *
   * @param ssc the context
   */
  DuckDbWordCountTable(StreamingContext ssc) {
    this.session = SqlSession.getOrCreate(ssc);
  }

  @Override
  public void load(RDD<String> words) {
    session.toDF(words, String.class, "word").createOrReplaceTempView("words");
  }

  @Override
  public Map<String, Long> countWords() {
    Map<String, Long> totals = new HashMap<>();
    for (Row row : session.sql(QUERY).collectAsList()) {
      totals.put(row.getString(0), row.getLong(1));
    }
    return totals;
  }

  @Override
  public void close() {
    // The context closes its session when it stops.
  }
}

package io.dstream.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A DataFrame stays reachable while its action runs: otherwise, once the action has read the fields it needs, a
 * garbage collection lets the Cleaner drop the DataFrame's table before the engine starts the query, which then
 * fails with "Table ... does not exist". A stress test of a race (about two minutes), so it runs in the soak
 * profile only ({@code mvn -B verify -Psoak -pl dstream-sql -am}): with the actions' reachability fence removed, a
 * run failed after 779 actions; with the fence, none fails.
 */
class DataFrameReachabilitySoak extends SessionTest {
  @Test
  void aDataFrameReachableOnlyThroughItsRunningActionKeepsItsTable() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    Thread collector = new Thread(() -> {
      while (!done.get()) {
        System.gc();
      }
    }, "collecting garbage");
    collector.start();
    try {
      for (int i = 0; i < 1000; i++) {
        // The DataFrame is reachable only from the call to count(), which reads its relation and queries it.
        assertThat(session.sql("select * from range(100)").count()).isEqualTo(100);
      }
    } finally {
      done.set(true);
      collector.join();
    }
  }
}

package io.dstream.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.testing.CollectedOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * How long the engine keeps a DataFrame's table: until {@link DataFrame#unpersist()}, and for {@link SqlStreams},
 * until the next batch replaces the view, without waiting for the garbage collector.
 */
class TableLifetimeTest extends SessionTest {
  private static final String COUNT = "select word, count(*) as total from words group by word";

  private long tables() {
    return (Long) session.engine().query("select count(*) from duckdb_tables()").rows().get(0)[0];
  }

  @Test
  void sqlStreamsKeepsOneBatchInTheEngineWhateverTheNumberOfBatches() {
    List<List<String>> batches = Words.batches(50, 20, 5);
    CollectedOutput<Row> counts = ssc.collect(SqlStreams.sql(ssc.inputStream(batches).map(Words.JavaRow::of),
        Words.JavaRow.class, "words", COUNT));
    List<Long> tablesAfterEachBatch = new ArrayList<>();
    for (int b = 0; b < batches.size(); b++) {
      ssc.runBatches(1);
      tablesAfterEachBatch.add(tables());
    }

    assertThat(tablesAfterEachBatch).allSatisfy(tables -> assertThat(tables).isLessThanOrEqualTo(1));
    for (int b = 0; b < batches.size(); b++) {
      assertThat(Words.asCounts(counts.batches().get(b))).isEqualTo(Words.count(batches.get(b)));
    }
    assertThat(Words.asCounts(session.sql(COUNT).collectAsList())).as("the view of the last batch")
        .isEqualTo(Words.count(batches.get(batches.size() - 1)));
  }

  @Test
  void unpersistDropsTheTableAndUsingTheDataFrameAfterwardsThrowsNamingIt() {
    List<Integer> numbers = IntStream.range(0, 100).boxed().toList();
    long before = tables();
    DataFrame frame = session.toDF(ssc.context().parallelize(numbers, 2), Integer.class, "n");
    DataFrame evens = frame.filter("n % 2 = 0");
    assertThat(evens.count()).isEqualTo(numbers.stream().filter(n -> n % 2 == 0).count());
    assertThat(tables()).isEqualTo(before + 1);

    assertThat(frame.unpersist()).isSameAs(frame);

    assertThat(tables()).isEqualTo(before);
    assertThatThrownBy(frame::count).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("this DataFrame (" + frame.relation() + ") that was unpersisted");
    assertThatThrownBy(evens::collectAsList).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a query over a DataFrame (" + frame.relation() + ") that was unpersisted");
    assertThatThrownBy(() -> frame.createOrReplaceTempView("numbers")).isInstanceOf(IllegalStateException.class);
    frame.unpersist();
    assertThat(tables()).isEqualTo(before);
  }

  @Test
  void unpersistingAQueryOverADataFrameLeavesTheDataFrameUsable() {
    List<Integer> numbers = IntStream.range(0, 10).boxed().toList();
    DataFrame frame = session.toDF(ssc.context().parallelize(numbers, 2), Integer.class, "n");
    DataFrame small = frame.filter("n < 5");

    small.unpersist();

    assertThatThrownBy(small::count).isInstanceOf(IllegalStateException.class);
    assertThat(frame.count()).isEqualTo(numbers.size());
  }
}

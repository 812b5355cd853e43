package io.dstream.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.rdd.JobFailedException;
import io.dstream.scheduler.OutputOperationInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerOutputOperationCompleted;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The streaming guide's DataFrame word count, and SQL in a pipeline, against plain-Java counts of each batch. */
class SqlWordCountTest {
  private static final String COUNT = "select word, count(*) as total from words group by word";

  private static TestStreamingContext context() {
    return TestStreamingContext.create(Durations.seconds(1), new StreamingConf().setMaster("local[2]")
        .set("dstream.sql.memoryLimit", "256m").set("dstream.sql.threads", "2"));
  }

  @Test
  void theGuidesDataFrameWordCountCountsEachBatchAsPlainJavaDoes() {
    List<List<String>> batches = Words.batches(4, 500, 1);
    List<Map<String, Long>> counted = Collections.synchronizedList(new ArrayList<>());
    try (TestStreamingContext ssc = context()) {
      DStream<String> words = ssc.inputStream(batches);
      words.foreachRDD(rdd -> {
        SqlSession sqlContext = SqlSession.getOrCreate(ssc.context());
        DataFrame wordsDataFrame = sqlContext.createDataFrame(rdd.map(Words.JavaRow::of), Words.JavaRow.class);
        wordsDataFrame.registerTempTable("words");
        counted.add(Words.asCounts(sqlContext.sql(COUNT).collectAsList()));
      });
      ssc.runBatches(batches.size());
    }
    assertThat(counted).containsExactlyElementsOf(batches.stream().map(Words::count).toList());
  }

  @Test
  void sqlStreamsGivesTheQuerysRowsAsEachBatchOfAStream() {
    List<List<String>> batches = Words.batches(3, 300, 2);
    try (TestStreamingContext ssc = context()) {
      DStream<Words.JavaRow> words = ssc.inputStream(batches).map(Words.JavaRow::of);
      CollectedOutput<Row> counts = ssc.collect(SqlStreams.sql(words, Words.JavaRow.class, "words", COUNT));
      ssc.runBatches(batches.size());
      for (int b = 0; b < batches.size(); b++) {
        assertThat(Words.asCounts(counts.batches().get(b))).isEqualTo(Words.count(batches.get(b)));
      }
    }
  }

  @Test
  void aWindowsBatchIsTheWindowsRecords() {
    List<List<String>> batches = Words.batches(3, 100, 3);
    try (TestStreamingContext ssc = context()) {
      DStream<Words.JavaRow> words = ssc.inputStream(batches).map(Words.JavaRow::of)
          .window(Durations.seconds(2));
      CollectedOutput<Row> counts = ssc.collect(SqlStreams.sql(words, Words.JavaRow.class, "words", COUNT));
      ssc.runBatches(3);
      List<String> lastTwo = new ArrayList<>(batches.get(1));
      lastTwo.addAll(batches.get(2));
      assertThat(Words.asCounts(counts.batches().get(2))).isEqualTo(Words.count(lastTwo));
    }
  }

  @Test
  void aBadQueryFailsTheBatchWithTheEnginesMessageTheQueryAndTheBatchTime() throws Exception {
    try (TestStreamingContext ssc = context()) {
      List<OutputOperationInfo> outputs = Collections.synchronizedList(new ArrayList<>());
      ssc.context().addStreamingListener(new StreamingListener() {
        @Override
        public void onOutputOperationCompleted(StreamingListenerOutputOperationCompleted event) {
          outputs.add(event.outputOperationInfo());
        }
      });
      DStream<Words.JavaRow> words = ssc.inputStream(List.of(List.of("a"))).map(Words.JavaRow::of);
      ssc.collect(SqlStreams.sql(words, Words.JavaRow.class, "words", "select wrd from words"));

      JobFailedException failure = catchThrowableOfType(JobFailedException.class, () -> ssc.runBatches(1));

      assertThat(failure).isNotNull();
      assertThat(causes(failure)).anySatisfy(cause -> assertThat(cause)
          .isInstanceOf(SqlException.class)
          .hasMessageContaining("wrd")
          .hasMessageContaining("in: select wrd from words")
          .hasMessageContaining("in the batch of 1000 ms")
          .cause().as("the engine's failure, with its stack").isInstanceOf(SqlException.class)
          .cause().isInstanceOf(SQLException.class));
      assertThatThrownBy(() -> ssc.context().awaitTerminationOrTimeout(0)).isSameAs(failure);
      assertThat(outputs).singleElement().satisfies(output -> assertThat(output.failureReason())
          .hasValueSatisfying(reason -> assertThat(reason).contains("in the batch of 1000 ms")));
    }
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  @Test
  void aViewIsReplacedByTheNextBatchWhileAQuerysResultKeepsItsRows() {
    List<List<String>> batches = Words.batches(2, 200, 4);
    List<DataFrame> firstCounts = new ArrayList<>();
    try (TestStreamingContext ssc = context()) {
      ssc.inputStream(batches).foreachRDD(rdd -> {
        SqlSession session = SqlSession.getOrCreate(ssc.context());
        session.toDF(rdd, String.class, "word").createOrReplaceTempView("words");
        if (firstCounts.isEmpty()) {
          firstCounts.add(session.sql(COUNT));
        }
      });
      ssc.runBatches(1);
      SqlSession session = SqlSession.getOrCreate(ssc.context());
      assertThat(Words.asCounts(session.sql(COUNT).collectAsList())).isEqualTo(Words.count(batches.get(0)));
      ssc.runBatches(1);
      assertThat(Words.asCounts(session.sql(COUNT).collectAsList())).isEqualTo(Words.count(batches.get(1)));
      assertThat(Words.asCounts(firstCounts.get(0).collectAsList())).isEqualTo(Words.count(batches.get(0)));
    }
  }

  @Test
  void queriesFromAnotherThreadReadOneWholeBatch() throws Exception {
    // Batch b holds b+1 copies of the word "b": a query that read a mix of batches, or part of one, would see
    // several words, or a count other than b+1.
    List<List<String>> batches = new ArrayList<>();
    for (int b = 0; b < 30; b++) {
      batches.add(Collections.nCopies((b + 1) * 100, Integer.toString(b)));
    }
    ConcurrentLinkedQueue<String> inconsistent = new ConcurrentLinkedQueue<>();
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch firstView = new CountDownLatch(1);
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    try (TestStreamingContext ssc = context()) {
      ssc.inputStream(batches).foreachRDD(rdd -> {
        SqlSession.getOrCreate(ssc.context()).toDF(rdd, String.class, "word").createOrReplaceTempView("words");
        firstView.countDown();
      });
      Thread reader = new Thread(() -> {
        try {
          firstView.await();
          SqlSession session = SqlSession.getOrCreate(ssc.context());
          while (!done.get()) {
            List<Row> rows = session.sql("select min(word), max(word), count(*) from words").collectAsList();
            Row row = rows.get(0);
            int batch = Integer.parseInt(row.getString(0));
            seen.add(batch);
            if (!row.getString(0).equals(row.getString(1)) || row.getLong(2) != (batch + 1) * 100L) {
              inconsistent.add(row.toString());
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          inconsistent.add(e.toString());
        }
      });
      reader.start();
      ssc.runBatches(batches.size());
      done.set(true);
      reader.join();
    }
    assertThat(inconsistent).isEmpty();
    assertThat(seen).isNotEmpty();
  }

  @Test
  void theSessionIsOnePerContextAndClosedWhenTheContextStops() {
    SqlSession session;
    try (TestStreamingContext ssc = context()) {
      ssc.inputStream(List.of(List.of("a"))).foreachRDD(rdd -> { });
      session = SqlSession.getOrCreate(ssc.context());
      assertThat(SqlSession.getOrCreate(ssc.context())).isSameAs(session);
      ssc.runBatches(0);
      assertThat(SqlSession.builder().config("dstream.sql.threads", "1").getOrCreate()).isSameAs(session);
      assertThat(session.sql("select 42 as answer").collectAsList().get(0).getInt(0)).isEqualTo(42);
    }
    assertThatThrownBy(() -> session.sql("select 1")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}

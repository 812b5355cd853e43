package io.dstream.examples;

import io.dstream.DStream;
import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Time;
import io.dstream.function.VoidFunction2;
import io.dstream.sql.DataFrame;
import io.dstream.sql.SqlSession;
import java.io.Serializable;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The streaming guide's DataFrame and SQL word count, in the shape of Spark's {@code JavaSqlNetworkWordCount}:
 * the words of each batch of lines from a TCP server become a DataFrame of {@link Record} beans, a temporary view
 * {@code words}, and {@code select word, count(*) as total from words group by word} runs over it and is shown.
 *
 * <p>Start a server in one terminal ({@code nc -lk 9999}), type lines into it once the example runs, and run
 * the example from the repository root in another:
 *
 * <pre>
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.SqlNetworkWordCount -Dexec.args="localhost 9999"
 * </pre>
 *
 * <p>It runs until you stop it (Ctrl-C); with a third argument, the number of batches, it stops by itself.
 */
public final class SqlNetworkWordCount {
  /** The batch interval. */
  static final Duration BATCH_INTERVAL = Durations.seconds(1);
  static final String USAGE = "SqlNetworkWordCount <hostname> <port> [<batches>] [--ui]";
  /** The guide's query. */
  static final String QUERY = "select word, count(*) as total from words group by word";

  private SqlNetworkWordCount() {}

  /** The bean each word becomes, as Spark's {@code JavaRecord}. */
  public static class Record implements Serializable {
    private static final long serialVersionUID = 1L;
    private String word;

    /**
     * Returns the word.
     *
     * @return the word
     */
    public String getWord() {
      return word;
    }

    /**
     * Sets the word.
     *
     * @param word the word
     */
    public void setWord(String word) {
      this.word = word;
    }
  }

  /**
   * Runs the example.
   *
   * @param args the server's host name and port, and optionally the number of batches to run
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if the arguments do not match the usage line
   * @throws io.dstream.rdd.JobFailedException if a batch fails
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleArgs arguments = ExampleArgs.parse(args, USAGE, 2, 1);
    String host = arguments.text(0, "the hostname");
    int port = arguments.port(1);
    OptionalInt batches = arguments.optionalBatches(2);
    StreamingConf conf = ExampleArgs.withStatusPageIfAsked(args,
        new StreamingConf().setMaster("local[2]").setAppName("SqlNetworkWordCount"));
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    countWithSql(ssc.socketTextStream(host, port), (counts, time) -> {
      System.out.println("========= " + time + "=========");
      counts.show();
    });
    BatchRunner.run(ssc, batches);
  }

  /**
   * Defines the pipeline: each batch's words as a DataFrame, the view {@code words}, and the guide's query.
   *
   * @param lines the lines
   * @param output what to do with each batch's word counts (columns {@code word} and {@code total}) and time
   * @throws IllegalStateException if the context has already started
   */
  public static void countWithSql(DStream<String> lines, VoidFunction2<DataFrame, Time> output) {
    DStream<String> words = lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator());
    StreamingContext ssc = lines.context();
    words.foreachRDD((rdd, time) -> {
      SqlSession spark = SqlSession.getOrCreate(ssc);
      DataFrame wordsDataFrame = spark.createDataFrame(rdd.map(word -> {
        Record record = new Record();
        record.setWord(word);
        return record;
      }), Record.class);
      wordsDataFrame.createOrReplaceTempView("words");
      output.call(spark.sql(QUERY), time);
    });
  }
}

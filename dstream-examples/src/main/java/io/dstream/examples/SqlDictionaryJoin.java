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
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * A stream joined with a static table, as the streaming guide's DataFrame section describes: a dictionary of
 * categories (a CSV file with the header {@code word,category}) is read once into the view {@code dictionary};
 * each second's words from a TCP server become the view {@code words}, and the join counts each batch's words by
 * category (words not in the dictionary drop out, as in any inner join).
 *
 * <p>Write a dictionary, start a server in one terminal ({@code nc -lk 9999}), type lines into it once the example
 * runs, and run the example from the repository root in another:
 *
 * <pre>
 * printf 'word,category\ncat,animal\ndog,animal\nred,colour\n' &gt; /tmp/dictionary.csv
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.SqlDictionaryJoin -Dexec.args="localhost 9999 /tmp/dictionary.csv"
 * </pre>
 *
 * <p>It runs until you stop it (Ctrl-C); with a fourth argument, the number of batches, it stops by itself.
 */
public final class SqlDictionaryJoin {
  /** The batch interval. */
  static final Duration BATCH_INTERVAL = Durations.seconds(1);
  static final String USAGE = "SqlDictionaryJoin <hostname> <port> <dictionary.csv> [<batches>] [--ui]";
  /** Each batch's words by category: the batch's view joined with the static one. */
  static final String QUERY = "select d.category, count(*) as total from words w join dictionary d "
      + "on w.word = d.word group by d.category order by d.category";

  private SqlDictionaryJoin() {}

  /**
   * Runs the example.
   *
   * @param args the server's host name and port, the dictionary's CSV file, and optionally the number of batches
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if the arguments do not match the usage line
   * @throws io.dstream.sql.SqlException if the dictionary cannot be read
   * @throws io.dstream.rdd.JobFailedException if a batch fails
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleArgs arguments = ExampleArgs.parse(args, USAGE, 3, 1);
    String host = arguments.text(0, "the hostname");
    int port = arguments.port(1);
    String dictionary = arguments.text(2, "the dictionary's CSV file");
    OptionalInt batches = arguments.optionalBatches(3);
    StreamingConf conf = ExampleArgs.withStatusPageIfAsked(args,
        new StreamingConf().setMaster("local[2]").setAppName("SqlDictionaryJoin"));
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    countByCategory(ssc.socketTextStream(host, port), dictionary, (counts, time) -> {
      System.out.println("========= " + time + "=========");
      counts.show();
    });
    BatchRunner.run(ssc, batches);
  }

  /**
   * Defines the pipeline: reads the dictionary into the view {@code dictionary} now, and joins each batch's words
   * (the view {@code words}, one column {@code word}) with it.
   *
   * @param lines the lines
   * @param dictionaryCsv the dictionary: a CSV file with the header {@code word,category}
   * @param output what to do with each batch's counts (columns {@code category} and {@code total}) and time
   * @throws io.dstream.sql.SqlException if the engine cannot read the dictionary
   * @throws IllegalStateException if the context has already started
   */
  public static void countByCategory(DStream<String> lines, String dictionaryCsv,
      VoidFunction2<DataFrame, Time> output) {
    StreamingContext ssc = lines.context();
    SqlSession.getOrCreate(ssc).read().option("header", "true").csv(dictionaryCsv)
        .createOrReplaceTempView("dictionary");
    DStream<String> words = lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator());
    words.foreachRDD((rdd, time) -> {
      SqlSession spark = SqlSession.getOrCreate(ssc);
      spark.toDF(rdd, String.class, "word").createOrReplaceTempView("words");
      output.call(spark.sql(QUERY), time);
    });
  }
}

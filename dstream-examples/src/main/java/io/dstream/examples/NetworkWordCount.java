package io.dstream.examples;

import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.ReceiverInputDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import java.util.OptionalInt;

/**
 * Counts the words of the text lines a TCP server sends, every second: {@code socketTextStream}, then
 * {@link WordCounts#countPerBatch} (flatMap into words, mapToPair to {@code (word, 1)}, reduceByKey), then
 * {@code print()}.
 *
 * <p>Start a server in one terminal, for example netcat, and type lines into it once the example runs:
 *
 * <pre>
 * nc -lk 9999
 * </pre>
 *
 * <p>and run the example from the repository root in another:
 *
 * <pre>
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.NetworkWordCount -Dexec.args="localhost 9999"
 * </pre>
 *
 * <p>It runs until you stop it (Ctrl-C); with a third argument, the number of batches, it stops by itself
 * after that many ({@code -Dexec.args="localhost 9999 30"}). When the server is not there yet, or goes away,
 * the receiver reports it on standard error and connects again every two seconds.
 */
public final class NetworkWordCount {
  /** The batch interval. */
  static final Duration BATCH_INTERVAL = Durations.seconds(1);
  static final String USAGE = "NetworkWordCount <hostname> <port> [<batches>] [--ui]";

  private NetworkWordCount() {}

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
        new StreamingConf().setMaster("local[2]").setAppName("NetworkWordCount"));
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    wordCounts(ssc, host, port).print();
    BatchRunner.run(ssc, batches);
  }

  /**
   * Defines the pipeline: the lines of a TCP server, counted by word per batch.
   *
   * @param ssc the context to define the pipeline in; not started
   * @param host the server's host name or address
   * @param port the server's port
   * @return the stream of (word, count) pairs of each batch
   * @throws IllegalArgumentException if the host is blank or the port is not 1 to 65535
   * @throws IllegalStateException if the context has already started
   */
  public static PairDStream<String, Integer> wordCounts(StreamingContext ssc, String host, int port) {
    ReceiverInputDStream<String> lines = ssc.socketTextStream(host, port);
    return WordCounts.countPerBatch(lines);
  }
}

package io.dstream.examples;

import io.dstream.DStream;
import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.PairRDD;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Counts the words a TCP server sends since the example started, and prints every word's running count
 * every second: {@code updateStateByKey} keeps one count per word across batches, starting from
 * {@code (hello,1)} and {@code (world,1)}. Each batch's new {@code (word, 1)} pairs are added to the word's
 * previous count; a word without new pairs keeps its count. The state is snapshotted into the checkpoint
 * directory (every 10 seconds by default), which stateful streams require.
 *
 * <p>Start a server in one terminal ({@code nc -lk 9999}) and run the example from the repository root in
 * another:
 *
 * <pre>
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.StatefulNetworkWordCount -Dexec.args="localhost 9999 /tmp/stateful-checkpoints"
 * </pre>
 *
 * <p>It runs until you stop it (Ctrl-C); with a fourth argument, the number of batches, it stops by itself
 * after that many ({@code -Dexec.args="localhost 9999 /tmp/stateful-checkpoints 30"}). It does not recover
 * its counts when started again: {@link RecoverableNetworkWordCount} shows recovery with {@code getOrCreate}.
 */
public final class StatefulNetworkWordCount {
  /** The batch interval. */
  static final Duration BATCH_INTERVAL = Durations.seconds(1);
  /** The counts before the first batch, as in Spark's stateful word count. */
  static final List<Tuple2<String, Integer>> INITIAL_COUNTS = List.of(new Tuple2<>("hello", 1),
      new Tuple2<>("world", 1));
  static final String USAGE =
      "StatefulNetworkWordCount <hostname> <port> <checkpoint-directory> [<batches>] [--ui]";

  /** The partitions of the state: as many as the worker threads of {@code local[2]}. */
  private static final int PARTITIONS = 2;

  private StatefulNetworkWordCount() {}

  /**
   * Runs the example.
   *
   * @param args the server's host name and port, the checkpoint directory, and optionally the number of
   *     batches to run
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if the arguments do not match the usage line, or the checkpoint
   *     directory is not usable
   * @throws io.dstream.rdd.JobFailedException if a batch fails
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleArgs arguments = ExampleArgs.parse(args, USAGE, 3, 1);
    String host = arguments.text(0, "the hostname");
    int port = arguments.port(1);
    String checkpointDirectory = arguments.text(2, "the checkpoint directory");
    OptionalInt batches = arguments.optionalBatches(3);
    StreamingConf conf = ExampleArgs.withStatusPageIfAsked(args,
        new StreamingConf().setMaster("local[2]").setAppName("StatefulNetworkWordCount"));
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    ssc.checkpoint(checkpointDirectory);
    runningCounts(ssc.socketTextStream(host, port)).print();
    BatchRunner.run(ssc, batches);
  }

  /**
   * Defines the pipeline: the words of the lines, counted since the start on top of {@link #INITIAL_COUNTS}.
   * The context needs a checkpoint directory before it starts.
   *
   * @param lines the lines of text
   * @return every word's running count, after each batch
   * @throws IllegalStateException if the context has already started
   */
  public static PairDStream<String, Integer> runningCounts(DStream<String> lines) {
    PairRDD<String, Integer> initialCounts = lines.context().parallelizePairs(INITIAL_COUNTS);
    return WordCounts.wordOnes(lines).updateStateByKey(StatefulNetworkWordCount::addToCount,
        new HashPartitioner(PARTITIONS), initialCounts);
  }

  /** The state update: a word's previous count (0 for a new word) plus its new ones. */
  private static Optional<Integer> addToCount(List<Integer> ones, Optional<Integer> count) {
    return Optional.of(count.orElse(0) + ones.size());
  }
}

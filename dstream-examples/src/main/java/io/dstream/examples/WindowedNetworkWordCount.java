package io.dstream.examples;

import io.dstream.DStream;
import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import java.util.OptionalInt;

/**
 * Counts the words a TCP server sent over the last 30 seconds, every 10 seconds: the windowed word count of
 * the programming guide, with {@code reduceByKeyAndWindow} in its incremental form. Each window is the
 * previous one plus the counts of the batches that entered it ({@code Integer::sum}) minus those of the
 * batches that left it (the inverse, {@code (a, b) -> a - b}), so a window costs the same whatever its
 * length; words whose count falls to 0 are dropped. Unlike Spark, the incremental form needs no checkpoint
 * directory: it cuts the chain of windows with checkpoints in memory.
 *
 * <p>Start a server in one terminal ({@code nc -lk 9999}) and run the example from the repository root in
 * another:
 *
 * <pre>
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.WindowedNetworkWordCount -Dexec.args="localhost 9999"
 * </pre>
 *
 * <p>The optional third and fourth arguments are the window and slide in seconds (30 and 10 by default;
 * both multiples of the 1-second batch interval), the optional fifth the number of batches after which it
 * stops by itself ({@code -Dexec.args="localhost 9999 6 2 20"}); without it, it runs until you stop it.
 */
public final class WindowedNetworkWordCount {
  /** The batch interval. */
  static final Duration BATCH_INTERVAL = Durations.seconds(1);
  /** The window length when none is given. */
  static final Duration DEFAULT_WINDOW = Durations.seconds(30);
  /** How often a window is computed when no slide is given. */
  static final Duration DEFAULT_SLIDE = Durations.seconds(10);
  static final String USAGE =
      "WindowedNetworkWordCount <hostname> <port> [<window-seconds> <slide-seconds> [<batches>]] [--ui]";

  /** The partitions of the windowed counts: as many as the worker threads of {@code local[2]}. */
  private static final int PARTITIONS = 2;

  private WindowedNetworkWordCount() {}

  /**
   * Runs the example.
   *
   * @param args the server's host name and port; optionally the window and slide in seconds, and then the
   *     number of batches to run
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if the arguments do not match the usage line
   * @throws io.dstream.rdd.JobFailedException if a batch fails
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleArgs arguments = ExampleArgs.parse(args, USAGE, 2, 3);
    String host = arguments.text(0, "the hostname");
    int port = arguments.port(1);
    Duration window = DEFAULT_WINDOW;
    Duration slide = DEFAULT_SLIDE;
    if (arguments.has(2)) {
      window = Durations.seconds(arguments.positiveInt(2, "the window length in seconds"));
      slide = Durations.seconds(arguments.positiveInt(3, "the slide in seconds"));
    }
    OptionalInt batches = arguments.optionalBatches(4);
    StreamingConf conf = ExampleArgs.withStatusPageIfAsked(args,
        new StreamingConf().setMaster("local[2]").setAppName("WindowedNetworkWordCount"));
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    DStream<String> lines = ssc.socketTextStream(host, port);
    windowedWordCounts(lines, window, slide).print();
    BatchRunner.run(ssc, batches);
  }

  /**
   * Defines the pipeline: the words of the lines counted over a sliding window, incrementally.
   *
   * @param lines the lines of text
   * @param window the window length, a multiple of the lines' batch interval
   * @param slide how often a window is computed, a multiple of the lines' batch interval
   * @return one (word, count) pair per word seen in the window, once per slide
   * @throws IllegalArgumentException if the window or slide is not a positive multiple of the batch interval
   * @throws IllegalStateException if the context has already started
   */
  public static PairDStream<String, Integer> windowedWordCounts(DStream<String> lines, Duration window,
      Duration slide) {
    return WordCounts.wordOnes(lines)
        .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, window, slide, PARTITIONS, count -> count._2() > 0);
  }
}

package io.dstream.examples;

import io.dstream.DStream;
import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.rdd.RDD;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;

/**
 * Counts the words of each batch of a stream of text lines, and prints the counts every batch. It needs
 * no server: it generates its own lines and pushes them into a queue stream as one RDD per batch, which
 * the stream takes one at a time, every 500 ms on the system clock; after a few batches it stops.
 *
 * <p>Run it from the repository root (the optional argument is the number of batches, 4 by default):
 *
 * <pre>
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.args=4
 * </pre>
 *
 * <p>Each batch prints as {@code print()} does:
 *
 * <pre>
 * -------------------------------------------
 * Time: 1700000000500 ms
 * -------------------------------------------
 * (stream,7)
 * (batch,5)
 * ...
 * </pre>
 */
public final class SelfFeedingWordCount {
  /** How many batches run when no argument is given. */
  static final int DEFAULT_BATCHES = 4;
  /** The batch interval. */
  static final Duration BATCH_INTERVAL = Durations.milliseconds(500);
  /** How many lines each batch brings. */
  static final int LINES_PER_BATCH = 5;

  /** The seed of the generated lines, so that every run prints the same counts. */
  static final long SEED = 2024;
  private static final List<String> VOCABULARY =
      List.of("stream", "batch", "record", "window", "state", "queue", "lineage", "partition");
  private static final int MAX_WORDS_PER_LINE = 6;

  private SelfFeedingWordCount() {}

  /**
   * Runs the example.
   *
   * @param args optionally, the number of batches to run
   * @throws InterruptedException if interrupted while waiting for the batches
   * @throws IllegalArgumentException if the argument is not a positive integer
   * @throws io.dstream.rdd.JobFailedException if a batch fails
   */
  public static void main(String[] args) throws InterruptedException {
    int batches = ExampleArgs.batchCount(args, DEFAULT_BATCHES);
    StreamingConf conf = ExampleArgs.withStatusPageIfAsked(args,
        new StreamingConf().setMaster("local[2]").setAppName("SelfFeedingWordCount"));
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    wordCounts(ssc, generateLines(batches, LINES_PER_BATCH, SEED)).print();
    BatchRunner.run(ssc, batches);
  }

  /**
   * Defines the pipeline: a queue stream that brings {@code linesPerBatch.get(i)} in batch {@code i}
   * (nothing after the last), split into words and counted per batch ({@link WordCounts#countPerBatch}).
   *
   * @param ssc the context to define the pipeline in; not started
   * @param linesPerBatch the lines of each batch
   * @return the stream of (word, count) pairs, one pair per distinct word of a batch
   * @throws IllegalStateException if the context has already started
   */
  public static PairDStream<String, Integer> wordCounts(StreamingContext ssc, List<List<String>> linesPerBatch) {
    Queue<RDD<String>> queue = new ArrayDeque<>();
    for (List<String> lines : linesPerBatch) {
      queue.add(ssc.parallelize(lines));
    }
    DStream<String> lines = ssc.queueStream(queue);
    return WordCounts.countPerBatch(lines);
  }

  /**
   * Generates lines of random words from a small vocabulary, the same for the same seed.
   *
   * @param batches how many batches of lines
   * @param linesPerBatch how many lines in each batch
   * @param seed the random seed
   * @return one list of lines per batch
   */
  public static List<List<String>> generateLines(int batches, int linesPerBatch, long seed) {
    Random random = new Random(seed);
    List<List<String>> result = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      List<String> lines = new ArrayList<>();
      for (int l = 0; l < linesPerBatch; l++) {
        int words = 1 + random.nextInt(MAX_WORDS_PER_LINE);
        List<String> line = new ArrayList<>();
        for (int w = 0; w < words; w++) {
          line.add(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
        }
        lines.add(String.join(" ", line));
      }
      result.add(lines);
    }
    return result;
  }
}

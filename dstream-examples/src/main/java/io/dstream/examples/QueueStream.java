package io.dstream.examples;

import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.rdd.RDD;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Turns a queue of RDDs into a stream: each batch takes the next RDD, here the numbers 1 to 1000, and
 * counts them by their last digit, so every batch prints {@code (0,100)} to {@code (9,100)}. Runs every
 * 500 ms on the system clock for a few batches, then stops.
 *
 * <p>Run it from the repository root (the optional argument is the number of batches, 3 by default):
 *
 * <pre>
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.QueueStream -Dexec.args=3
 * </pre>
 */
public final class QueueStream {
  /** How many batches run when no argument is given. */
  static final int DEFAULT_BATCHES = 3;
  /** The batch interval. */
  static final Duration BATCH_INTERVAL = Durations.milliseconds(500);
  /** The records of every queued RDD: the numbers 1 to 1000. */
  static final List<Integer> NUMBERS = IntStream.rangeClosed(1, 1000).boxed().collect(Collectors.toList());

  private static final int PARTITIONS = 10;

  private QueueStream() {}

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
        new StreamingConf().setMaster("local[2]").setAppName("QueueStream"));
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    countByLastDigit(ssc, batches).print();
    BatchRunner.run(ssc, batches);
  }

  /**
   * Defines the pipeline: a queue holding {@code batches} RDDs of {@link #NUMBERS}, one taken per batch, each
   * number mapped to {@code (x % 10, 1)} and the ones summed per key.
   *
   * @param ssc the context to define the pipeline in; not started
   * @param batches how many RDDs to queue
   * @return the stream of (last digit, how many numbers end with it), per batch
   * @throws IllegalStateException if the context has already started
   */
  public static PairDStream<Integer, Integer> countByLastDigit(StreamingContext ssc, int batches) {
    Queue<RDD<Integer>> queue = new ArrayDeque<>();
    for (int i = 0; i < batches; i++) {
      queue.add(ssc.parallelize(NUMBERS, PARTITIONS));
    }
    return ssc.queueStream(queue)
        .mapToPair(x -> new Tuple2<>(x % 10, 1))
        .reduceByKey(Integer::sum);
  }
}

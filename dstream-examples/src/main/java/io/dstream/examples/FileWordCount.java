package io.dstream.examples;

import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.InputDStream;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import java.util.OptionalInt;

/**
 * Counts the words of the new text files in a directory, every two seconds: {@code textFileStream}, then
 * {@link WordCounts#countPerBatch}, then {@code print()}. No receiver and no server: each batch reads the
 * files that appeared in the directory since the previous batch. Files that were there before the example
 * started are ignored.
 *
 * <p>Create the directory to watch, and run the example from the repository root with it:
 *
 * <pre>
 * mkdir -p /tmp/words-in
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.FileWordCount -Dexec.args=/tmp/words-in
 * </pre>
 *
 * <p>and move files into the directory from another terminal. A file must appear complete, in one step:
 * write it elsewhere on the same file system and rename it in ({@code mv} does that):
 *
 * <pre>
 * echo "to be or not to be" &gt; /tmp/words-1.txt &amp;&amp; mv /tmp/words-1.txt /tmp/words-in/
 * </pre>
 *
 * <p>It runs until you stop it (Ctrl-C); with a second argument, the number of batches, it stops by itself
 * after that many ({@code -Dexec.args="/tmp/words-in 15"}).
 */
public final class FileWordCount {
  /** The batch interval. */
  static final Duration BATCH_INTERVAL = Durations.seconds(2);
  static final String USAGE = "FileWordCount <directory> [<batches>] [--ui]";

  private FileWordCount() {}

  /**
   * Runs the example.
   *
   * @param args the directory to watch, and optionally the number of batches to run
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if the arguments do not match the usage line
   * @throws io.dstream.rdd.JobFailedException if a batch fails, for example because a file cannot be read
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleArgs arguments = ExampleArgs.parse(args, USAGE, 1, 1);
    String directory = arguments.text(0, "the directory");
    OptionalInt batches = arguments.optionalBatches(1);
    StreamingConf conf = ExampleArgs.withStatusPageIfAsked(args,
        new StreamingConf().setMaster("local[2]").setAppName("FileWordCount"));
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    wordCounts(ssc, directory).print();
    BatchRunner.run(ssc, batches);
  }

  /**
   * Defines the pipeline: the lines of the new files in a directory, counted by word per batch.
   *
   * @param ssc the context to define the pipeline in; not started
   * @param directory the directory to watch, a path or a URI ({@code file:}, {@code memory:})
   * @return the stream of (word, count) pairs of each batch
   * @throws IllegalArgumentException if the directory's scheme is unknown
   * @throws IllegalStateException if the context has already started
   */
  public static PairDStream<String, Integer> wordCounts(StreamingContext ssc, String directory) {
    InputDStream<String> lines = ssc.textFileStream(directory);
    return WordCounts.countPerBatch(lines);
  }
}

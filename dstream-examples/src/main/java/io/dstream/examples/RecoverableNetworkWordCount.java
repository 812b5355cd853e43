package io.dstream.examples;

import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Counts the words a TCP server sends, every second, and appends each batch's counts to a file; killed and
 * started again, it goes on where it stopped. The context is built by a factory passed to
 * {@link StreamingContext#getOrCreate}: the first run finds no checkpoint and starts afresh; a later run
 * restores from the checkpoint directory what the killed one had not finished, first runs every batch that
 * was unfinished or missed while it was down, then goes on. Lines already received and stored when the JVM
 * died are not lost either: the receiver's write-ahead log ({@code dstream.receiver.writeAheadLog.enable})
 * keeps them in the checkpoint directory until their batch has run.
 *
 * <p>A batch that was running at the kill runs again after the restart, so appending to the file must be
 * idempotent: the file skips a batch it already holds (see {@link CountsFile}). Each line reads
 * {@code Counts at time <ms> ms [(word,count), ...]}, one per batch, empty batches included.
 *
 * <p>Start a server in one terminal ({@code nc -lk 9999}) and run the example from the repository root in
 * another:
 *
 * <pre>
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.RecoverableNetworkWordCount -Dexec.args="localhost 9999 /tmp/wordcount-checkpoints /tmp/wordcount-out.txt"
 * </pre>
 *
 * <p>It runs until it is stopped or killed; kill it ({@code kill -9}, or Ctrl-C) and run the same command
 * again to see it recover. Delete the checkpoint directory to start afresh.
 */
public final class RecoverableNetworkWordCount {
  /** The batch interval. */
  static final Duration BATCH_INTERVAL = Durations.seconds(1);
  static final String USAGE =
      "RecoverableNetworkWordCount <hostname> <port> <checkpoint-directory> <output-file>";

  private RecoverableNetworkWordCount() {}

  /**
   * Runs the example until it is stopped or killed.
   *
   * @param args the server's host name and port, the checkpoint directory and the output file
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if the arguments do not match the usage line
   * @throws IllegalStateException if the checkpoint directory holds a checkpoint that cannot be restored
   * @throws io.dstream.rdd.JobFailedException if a batch fails, for example because the file cannot be written
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleArgs arguments = ExampleArgs.parse(args, USAGE, 4, 0);
    String host = arguments.text(0, "the hostname");
    int port = arguments.port(1);
    String checkpointDirectory = arguments.text(2, "the checkpoint directory");
    Path outputFile = Path.of(arguments.text(3, "the output file"));
    StreamingContext ssc = StreamingContext.getOrCreate(checkpointDirectory,
        () -> createContext(host, port, checkpointDirectory, outputFile));
    BatchRunner.run(ssc, OptionalInt.empty());
  }

  /**
   * Creates the context and defines its whole pipeline, without starting it: the factory that
   * {@code getOrCreate} calls on every run, recovered or not.
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @param checkpointDirectory where the checkpoints and the receiver's write-ahead log go
   * @param outputFile the file the counts are appended to
   * @return the context, not started
   * @throws IllegalArgumentException if the host is blank, the port is not 1 to 65535, or the checkpoint
   *     directory is not usable
   */
  public static StreamingContext createContext(String host, int port, String checkpointDirectory, Path outputFile) {
    StreamingConf conf = new StreamingConf().setMaster("local[2]").setAppName("RecoverableNetworkWordCount")
        .set("dstream.receiver.writeAheadLog.enable", "true");
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    ssc.checkpoint(checkpointDirectory);
    appendToFile(WordCounts.countPerBatch(ssc.socketTextStream(host, port)), new CountsFile(outputFile));
    return ssc;
  }

  /**
   * Prints each batch's counts and appends them to a file, once per batch even when a batch runs again.
   *
   * @param counts the counts of each batch
   * @param file the file
   * @throws IllegalStateException if the context has already started
   */
  static void appendToFile(PairDStream<String, Integer> counts, CountsFile file) {
    counts.foreachRDD((rdd, time) -> {
      String text = rdd.collect().toString();
      System.out.println(CountsFile.line(time, text));
      if (file.append(time, text)) {
        System.out.println("Appending to " + file);
      } else {
        System.out.println("Batch " + time + " is already in " + file + "; not appending it again");
      }
    });
  }
}

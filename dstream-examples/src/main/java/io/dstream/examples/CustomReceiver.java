package io.dstream.examples;

import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.ReceiverInputDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.receiver.Receiver;
import io.dstream.storage.StorageLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A receiver of your own: it connects to a TCP server, stores every line it reads, and when the connection
 * fails or the server closes it, asks dstream to restart it, which connects again after the restart delay
 * ({@code dstream.receiver.restartDelay}, 2 s). {@code ssc.receiverStream(receiver)} turns it into a
 * stream, whose words are counted per second as in {@link NetworkWordCount}.
 *
 * <p>Start a server in one terminal ({@code nc -lk 9999}) and run the example from the repository root in
 * another:
 *
 * <pre>
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.CustomReceiver -Dexec.args="localhost 9999"
 * </pre>
 *
 * <p>It runs until you stop it (Ctrl-C); with a third argument, the number of batches, it stops by itself
 * after that many ({@code -Dexec.args="localhost 9999 30"}). Stop netcat and start it again: the receiver
 * reconnects and the counts go on.
 */
public final class CustomReceiver extends Receiver<String> {
  /** The batch interval. */
  static final Duration BATCH_INTERVAL = Durations.seconds(1);
  static final String USAGE = "CustomReceiver <hostname> <port> [<batches>] [--ui]";

  private final String host;
  private final int port;
  /** The open connection, if any: closed by {@link #onStop()} so that a read blocked on it ends. */
  private volatile Socket socket;

  /**
   * Creates a receiver of the lines a TCP server sends. It keeps what it receives in memory, spilling to
   * disk, in two copies.
   *
   * @param host the server's host name or address
   * @param port the server's port
   */
  public CustomReceiver(String host, int port) {
    super(StorageLevel.MEMORY_AND_DISK_2);
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
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
        new StreamingConf().setMaster("local[2]").setAppName("CustomReceiver"));
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    wordCounts(ssc, host, port).print();
    BatchRunner.run(ssc, batches);
  }

  /**
   * Defines the pipeline: a stream fed by a {@code CustomReceiver}, counted by word per batch.
   *
   * @param ssc the context to define the pipeline in; not started
   * @param host the server's host name or address
   * @param port the server's port
   * @return the stream of (word, count) pairs of each batch
   * @throws IllegalStateException if the context has already started
   */
  public static PairDStream<String, Integer> wordCounts(StreamingContext ssc, String host, int port) {
    ReceiverInputDStream<String> lines = ssc.receiverStream(new CustomReceiver(host, port));
    return WordCounts.countPerBatch(lines);
  }

  /** Starts the thread that connects and receives; returns at once, as {@code onStart} must. */
  @Override
  public void onStart() {
    Thread receiving = new Thread(this::receive, "custom-receiver-" + host + ":" + port);
    receiving.setDaemon(true);
    receiving.start();
  }

  /** Closes the connection, so that the receiving thread's blocked read ends and the thread with it. */
  @Override
  public void onStop() {
    Socket open = socket;
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        // The connection is being dropped anyway; nothing more can be done with it.
      }
    }
  }

  /** Reads lines until the receiver is stopped, or restarts it when the connection ends or fails. */
  private void receive() {
    try (Socket connection = new Socket(host, port)) {
      socket = connection;
      if (isStopped()) {
        return;  // stopped while connecting: onStop found no socket to close
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while (!isStopped() && (line = reader.readLine()) != null) {
        store(line);
      }
      if (!isStopped()) {
        restart("the server at " + host + ":" + port + " closed the connection; connecting again");
      }
    } catch (ConnectException e) {
      restartUnlessStopped("cannot connect to " + host + ":" + port, e);
    } catch (IOException | RuntimeException e) {
      restartUnlessStopped("error while receiving from " + host + ":" + port, e);
    }
  }

  private void restartUnlessStopped(String message, Exception error) {
    // Once stopped, a read that fails is the closed socket of onStop: nothing to report.
    if (!isStopped()) {
      restart(message, error);
    }
  }
}

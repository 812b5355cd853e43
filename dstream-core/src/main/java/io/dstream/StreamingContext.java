package io.dstream;

import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.internal.Arguments;
import io.dstream.function.Function0;
import io.dstream.function.Function2;
import io.dstream.function.Function;
import io.dstream.internal.ContextAccess;
import io.dstream.internal.ContextRecovery;
import io.dstream.internal.StreamingRuntime;
import io.dstream.internal.output.ObjectFileRddNode;
import io.dstream.internal.rdd.ParallelCollectionRddNode;
import io.dstream.internal.rdd.RddOperations;
import io.dstream.internal.receiver.SocketReceivers;
import io.dstream.internal.scheduler.SystemClock;
import io.dstream.internal.stream.FileBatchReader;
import io.dstream.internal.stream.FileInputStreamNode;
import io.dstream.internal.stream.InputStreamNode;
import io.dstream.internal.stream.QueueInputStreamNode;
import io.dstream.internal.stream.StreamNode;
import io.dstream.internal.stream.TransformedStreamNode;
import io.dstream.internal.stream.UnionStreamNode;
import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.PairRDD;
import io.dstream.rdd.RDD;
import io.dstream.receiver.Receiver;
import io.dstream.scheduler.StreamingListener;
import io.dstream.storage.StorageLevel;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The entry point of dstream: creates input streams, runs the pipeline every batch interval, and stops
 * it. The counterpart of Spark's {@code JavaStreamingContext}.
 *
 * <pre>{@code
 * StreamingContext ssc = new StreamingContext(new StreamingConf().setMaster("local[2]"), Durations.seconds(1));
 * DStream<String> lines = ssc.queueStream(queue);
 * lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator())
 *      .mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum).print();
 * ssc.start();
 * ssc.awaitTermination();
 * }</pre>
 *
 * <p>Lifecycle: define every stream and output operation, then {@link #start()} once; afterwards no new
 * streams may be defined. {@link #stop()} (or {@link #close()}, so that try-with-resources stops it) ends it
 * for good. One context may be active per JVM at a time. Every misuse throws {@link IllegalStateException}
 * saying what to do instead.
 *
 * <p>The method examples use {@code ssc} for the context and the streams of {@link DStream}'s and
 * {@link PairDStream}'s examples ({@code words}, {@code wordCounts}, {@code otherCounts}...).
 */
public final class StreamingContext implements AutoCloseable {
  private static final AtomicReference<StreamingContext> ACTIVE = new AtomicReference<>();
  // Held while getActiveOrCreate looks for the active context and creates one, so that two threads calling it
  // at once do not both run the factory (as Spark's activation lock).
  private static final Object ACTIVE_OR_CREATE = new Object();

  static {
    ContextAccess.install(new ContextAccess.Bridge() {
      @Override
      public StreamingRuntime runtime(StreamingContext context) {
        return context.runtime;
      }

      @Override
      public <T> InputDStream<T> inputStream(StreamingContext context, InputStreamNode<T> node) {
        return new InputDStream<>(context, node);
      }

      @Override
      public <K, V> PairDStream<K, V> pairStream(StreamingContext context, StreamNode<Tuple2<K, V>> node) {
        return new PairDStream<>(context, node);
      }

      @Override
      public <T> StreamNode<T> node(DStreamLike<T, ?, ?> stream) {
        return stream.node;
      }
    });
  }

  final StreamingRuntime runtime;

  /**
   * Creates a context.
   *
   * <pre>{@code
   * StreamingContext ssc = new StreamingContext(
   *     new StreamingConf().setMaster("local[4]").setAppName("wordcount"), Durations.seconds(1));
   * }</pre>
   *
   * @param conf the configuration (copied; later changes to it have no effect)
   * @param batchDuration the batch interval
   * @throws IllegalArgumentException if the batch duration is not positive
   */
  public StreamingContext(StreamingConf conf, Duration batchDuration) {
    this(conf, batchDuration, new SystemClock());
  }

  /**
   * Creates a context from a master string and an application name.
   *
   * <pre>{@code
   * StreamingContext ssc = new StreamingContext("local[2]", "NetworkWordCount", Durations.seconds(1));
   * }</pre>
   *
   * @param master {@code local}, {@code local[N]} or {@code local[*]}
   * @param appName the application name
   * @param batchDuration the batch interval
   * @throws IllegalArgumentException if the master is not supported or the batch duration not positive
   */
  public StreamingContext(String master, String appName, Duration batchDuration) {
    this(conf(master, appName, batchDuration), batchDuration);
  }

  /** The configuration of the master-and-name constructor, once every argument is known not to be null. */
  private static StreamingConf conf(String master, String appName, Duration batchDuration) {
    Arguments.requireNonNull(master, "master");
    Arguments.requireNonNull(appName, "appName");
    Arguments.requireNonNull(batchDuration, "batchDuration");
    return new StreamingConf().setMaster(master).setAppName(appName);
  }

  /**
   * Creates a context whose batches follow the given clock: for simulations and tests (see
   * {@link io.dstream.testing.TestStreamingContext}, which uses a manual clock).
   *
   * <pre>{@code
   * ManualClock clock = new ManualClock();
   * StreamingContext ssc = new StreamingContext(new StreamingConf(), Durations.seconds(1), clock);
   * // ... define the pipeline, ssc.start(), then each clock.advance(1000) is due to start one batch
   * }</pre>
   *
   * @param conf the configuration (copied)
   * @param batchDuration the batch interval
   * @param clock the clock that decides when batches happen
   * @throws IllegalArgumentException if the batch duration is not positive
   */
  public StreamingContext(StreamingConf conf, Duration batchDuration, Clock clock) {
    Arguments.requireNonNull(conf, "conf");
    Arguments.requireNonNull(batchDuration, "batchDuration");
    Arguments.requireNonNull(clock, "clock");
    if (batchDuration.milliseconds() <= 0) {
      throw new IllegalArgumentException("the batch duration must be positive, got " + batchDuration
          + "; use for example Durations.seconds(1)");
    }
    this.runtime = new StreamingRuntime(conf.copy(), batchDuration, clock);
  }

  // ---- input streams ---------------------------------------------------------------------------------

  /**
   * Creates an input stream from a queue of RDDs: each batch takes the next RDD of the queue, or an empty
   * RDD if the queue is empty. Meant for tests and demos; the queue's contents are not checkpointed.
   *
   * <pre>{@code
   * Queue<RDD<String>> queue = new ArrayDeque<>();
   * InputDStream<String> lines = ssc.queueStream(queue);
   * lines.print();
   * ssc.start();
   * synchronized (queue) {
   *   queue.add(ssc.parallelize(List.of("a b", "b c")));   // the next batch's records
   * }
   * }</pre>
   *
   * @param queue the queue; add to it from any thread while synchronizing on it
   * @param <T> the record type
   * @return the stream
   * @throws IllegalStateException if the context has already started
   */
  public <T> InputDStream<T> queueStream(Queue<RDD<T>> queue) {
    Arguments.requireNonNull(queue, "queue");
    return queueStream(queue, true);
  }

  /**
   * Creates an input stream from a queue of RDDs; otherwise as {@link #queueStream(Queue)}.
   *
   * <pre>{@code
   * InputDStream<String> lines = ssc.queueStream(queue, false);   // each batch takes all the queued RDDs
   * }</pre>
   *
   * @param queue the queue
   * @param oneAtATime true to take one RDD per batch; false to take every queued RDD (as one union)
   * @param <T> the record type
   * @return the stream
   * @throws IllegalStateException if the context has already started
   */
  public <T> InputDStream<T> queueStream(Queue<RDD<T>> queue, boolean oneAtATime) {
    Arguments.requireNonNull(queue, "queue");
    return queueStream(queue, oneAtATime, null);
  }

  /**
   * Creates an input stream from a queue of RDDs, with an RDD for batches that find the queue empty;
   * otherwise as {@link #queueStream(Queue)}.
   *
   * <pre>{@code
   * InputDStream<String> lines = ssc.queueStream(queue, true, ssc.parallelize(List.of("(idle)"), 1));
   * // a batch that finds the queue empty holds "(idle)"
   * }</pre>
   *
   * @param queue the queue
   * @param oneAtATime true to take one RDD per batch; false to take every queued RDD
   * @param defaultRDD the RDD of a batch that finds the queue empty, or null for an empty RDD
   * @param <T> the record type
   * @return the stream
   * @throws IllegalStateException if the context has already started
   */
  public <T> InputDStream<T> queueStream(Queue<RDD<T>> queue, boolean oneAtATime, RDD<T> defaultRDD) {
    Arguments.requireNonNull(queue, "queue");
    return new InputDStream<>(this,
        new QueueInputStreamNode<>(runtime.graph(), queue, UserRdds::unwrap, oneAtATime, UserRdds.unwrap(defaultRDD),
            runtime.engine()));
  }

  // ---- file streams -----------------------------------------------------------------------------------

  /**
   * Creates an input stream of the lines of the new text files in a directory: each batch holds the lines
   * (UTF-8; malformed bytes become U+FFFD) of the files that appeared since the previous batch. Files are
   * read as streams, one partition per {@code dstream.fileStream.maxPartitionBytes} (32 MiB) of a file, each
   * line in the partition where it starts. No receiver is needed. Files must be moved or renamed into the
   * directory atomically once complete, and must not change afterwards (a file is read up to its length
   * when its batch took it; a later change is logged once at WARN). Only regular files are input: nested
   * directories and hidden files (names starting with '.' or '_') are ignored, and named pipes, sockets and
   * devices are skipped with a WARN. The batch at time {@code T} takes the files modified at or before
   * {@code T} and within {@code dstream.fileStream.minRememberDuration} (60 s) of it that no batch took;
   * files modified before the context started are ignored. With a checkpoint directory, which files each
   * batch took is checkpointed, so after a restart every file is processed exactly once (see
   * {@link #getOrCreate}). A file that cannot be read fails its batch, which a restart runs again.
   *
   * <pre>{@code
   * DStream<String> lines = ssc.textFileStream("/data/incoming");   // or file:///..., memory://ns/...
   * }</pre>
   *
   * @param directory the directory, a path or a URI of any {@code FileSystem} scheme
   * @return the stream
   * @throws IllegalArgumentException if the directory's scheme is unknown
   * @throws IllegalStateException if the context has already started
   */
  public InputDStream<String> textFileStream(String directory) {
    Arguments.requireNonNull(directory, "directory");
    return fileStream(directory, file -> true, true);
  }

  /**
   * Creates an input stream of the lines of the new files in a directory that a filter accepts; otherwise as
   * {@link #textFileStream(String)}. Unlike Spark's {@code fileStream}, which reads Hadoop input formats,
   * records are always the files' lines.
   *
   * <pre>{@code
   * DStream<String> csvLines = ssc.fileStream("/data/incoming", file -> file.endsWith(".csv"), false);
   * }</pre>
   *
   * @param directory the directory, a path or a URI
   * @param filter accepts a file by its location, given as a URI ({@code file:///data/incoming/a.csv});
   *     what it throws fails the batch; it must not return null
   * @param newFilesOnly true to ignore the files modified before the context first started; false to let
   *     the first batch also take every file already in the directory, however old
   * @return the stream
   * @throws IllegalArgumentException if the directory's scheme is unknown
   * @throws IllegalStateException if the context has already started
   */
  public InputDStream<String> fileStream(String directory, Function<String, Boolean> filter, boolean newFilesOnly) {
    Arguments.requireNonNull(directory, "directory");
    Arguments.requireNonNull(filter, "filter");
    return fileStream(directory, FileBatchReader.lines(runtime.engine(), maxPartitionBytes()), filter, newFilesOnly);
  }

  /**
   * Creates an input stream of the fixed-length records of the new files in a directory: each batch holds
   * every {@code recordLength} bytes of the files that appeared since the previous batch as one {@code byte[]}
   * (a new array each), in file order. Which files a batch takes, what is checkpointed of them and how they
   * must appear are as for {@link #textFileStream(String)}; files modified before the context first started
   * are ignored. Each file is read in parallel in partitions of whole records of at most
   * {@code dstream.fileStream.maxPartitionBytes}. A file whose length is not a multiple of
   * {@code recordLength} fails its batch with a {@link JobFailedException} whose cause is an
   * {@link java.io.IOException} naming the file and its partial record, as Spark's fails it.
   *
   * <pre>{@code
   * // Sensor readings of 16 bytes each: an 8-byte sensor id, then an 8-byte value.
   * DStream<byte[]> readings = ssc.binaryRecordsStream("/data/readings", 16);
   * DStream<Double> values = readings.map(record -> ByteBuffer.wrap(record).getDouble(8));
   * }</pre>
   *
   * @param directory the directory, a path or a URI of any {@code FileSystem} scheme
   * @param recordLength the length of every record, in bytes
   * @return the stream
   * @throws IllegalArgumentException if the record length is not positive, or the directory's scheme is unknown
   * @throws IllegalStateException if the context has already started
   */
  public InputDStream<byte[]> binaryRecordsStream(String directory, int recordLength) {
    Arguments.requireNonNull(directory, "directory");
    if (recordLength <= 0) {
      throw new IllegalArgumentException("binaryRecordsStream(" + directory + ", " + recordLength + "): the record "
          + "length must be a positive number of bytes, such as 16 for records of 16 bytes");
    }
    return fileStream(directory, FileBatchReader.fixedLengthRecords(runtime.engine(), recordLength,
        maxPartitionBytes()), file -> true, true);
  }

  private long maxPartitionBytes() {
    return runtime.conf().get(ConfigKeys.FILE_STREAM_MAX_PARTITION_BYTES);
  }

  private <T> InputDStream<T> fileStream(String directory, FileBatchReader<T> reader,
      Function<String, Boolean> filter, boolean newFilesOnly) {
    return new InputDStream<>(this, new FileInputStreamNode<>(runtime.graph(), reader,
        FileSystems.resolve(directory), filter, newFilesOnly,
        runtime.conf().get(ConfigKeys.FILE_STREAM_MIN_REMEMBER_DURATION)));
  }

  // ---- receiver input streams ----------------------------------------------------------------------

  /**
   * Creates an input stream fed by a receiver of your own. The receiver runs on a thread of its own from
   * {@link #start()} until the context stops (it never takes a worker thread, so {@code local[1]} still
   * processes its data); the records it stores make up the batches.
   *
   * <pre>{@code
   * ReceiverInputDStream<String> events = ssc.receiverStream(new MyQueueReceiver("orders"));
   * }</pre>
   *
   * @param receiver the receiver; a receiver object feeds one stream only
   * @param <T> the record type
   * @return the stream
   * @throws IllegalArgumentException if the receiver already feeds a stream
   * @throws IllegalStateException if the context has already started
   */
  public <T> ReceiverInputDStream<T> receiverStream(Receiver<T> receiver) {
    Arguments.requireNonNull(receiver, "receiver");
    return newReceiverStream(receiver, "receiverStream");
  }

  /**
   * Creates a stream of the UTF-8 text lines a TCP server sends, stored at
   * {@link StorageLevel#MEMORY_AND_DISK_SER_2}. A refused or dropped connection is reported to listeners and
   * retried after {@code dstream.receiver.restartDelay}; the context keeps running. A line longer than
   * {@code dstream.receiver.maxLineLength} bytes is cut to that length.
   *
   * <pre>{@code
   * ReceiverInputDStream<String> lines = ssc.socketTextStream("localhost", 9999);   // nc -lk 9999
   * }</pre>
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @return the stream
   * @throws IllegalArgumentException if the host is blank or the port is not 1 to 65535
   * @throws IllegalStateException if the context has already started
   */
  public ReceiverInputDStream<String> socketTextStream(String host, int port) {
    Arguments.requireNonNull(host, "host");
    return socketTextStream(host, port, Receiver.DEFAULT_STORAGE_LEVEL);
  }

  /**
   * Creates a stream of the UTF-8 text lines a TCP server sends; see {@link #socketTextStream(String, int)}.
   *
   * <pre>{@code
   * ReceiverInputDStream<String> lines = ssc.socketTextStream("localhost", 9999, StorageLevel.MEMORY_ONLY_SER);
   * }</pre>
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @param storageLevel where the received blocks are kept
   * @return the stream
   * @throws IllegalArgumentException if the host is blank, the port is not 1 to 65535, or the level keeps
   *     nothing
   * @throws IllegalStateException if the context has already started
   */
  public ReceiverInputDStream<String> socketTextStream(String host, int port, StorageLevel storageLevel) {
    Arguments.requireNonNull(host, "host");
    Arguments.requireNonNull(storageLevel, "storageLevel");
    return newReceiverStream(SocketReceivers.text(host, port, storageLevel, runtime.conf()), "socketTextStream");
  }

  /**
   * Creates a stream of the records a converter reads from a TCP server's bytes. The converter is called
   * once per connection with its input stream and returns the records, read lazily; each record is stored
   * on its own. A converter that throws makes the receiver reconnect after the restart delay.
   *
   * <pre>{@code
   * // whitespace-separated words
   * ReceiverInputDStream<String> words = ssc.socketStream("localhost", 9999,
   *     in -> () -> new Scanner(in, StandardCharsets.UTF_8), StorageLevel.MEMORY_AND_DISK_SER_2);
   * }</pre>
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @param converter turns a connection's bytes into records
   * @param storageLevel where the received blocks are kept
   * @param <T> the record type
   * @return the stream
   * @throws IllegalArgumentException if the host is blank, the port is not 1 to 65535, or the level keeps
   *     nothing
   * @throws IllegalStateException if the context has already started
   */
  public <T> ReceiverInputDStream<T> socketStream(String host, int port,
      Function<InputStream, Iterable<T>> converter, StorageLevel storageLevel) {
    Arguments.requireNonNull(host, "host");
    Arguments.requireNonNull(storageLevel, "storageLevel");
    Arguments.requireNonNull(converter, "converter");
    return newReceiverStream(SocketReceivers.converted(host, port, converter, storageLevel), "socketStream");
  }

  /**
   * Creates a stream of the blocks a TCP server sends already serialized, stored at
   * {@link StorageLevel#MEMORY_AND_DISK_SER_2}: each frame is a 4-byte big-endian length and then a
   * {@code Collection} of records serialized with dstream's Kryo serializer; each frame becomes one block as
   * it is. The fastest way to feed a stream from another JVM.
   *
   * <pre>{@code
   * // Another JVM writes frames: a 4-byte length, then a Collection<Order> serialized with dstream's Kryo.
   * ReceiverInputDStream<Order> orders = ssc.rawSocketStream("localhost", 9999);
   * }</pre>
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @param <T> the record type
   * @return the stream
   * @throws IllegalArgumentException if the host is blank or the port is not 1 to 65535
   * @throws IllegalStateException if the context has already started
   */
  public <T> ReceiverInputDStream<T> rawSocketStream(String host, int port) {
    Arguments.requireNonNull(host, "host");
    return rawSocketStream(host, port, Receiver.DEFAULT_STORAGE_LEVEL);
  }

  /**
   * Creates a stream of the serialized blocks a TCP server sends; see {@link #rawSocketStream(String, int)}.
   *
   * <pre>{@code
   * ReceiverInputDStream<Order> orders = ssc.rawSocketStream("localhost", 9999, StorageLevel.MEMORY_ONLY_SER_2);
   * }</pre>
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @param storageLevel where the received blocks are kept
   * @param <T> the record type
   * @return the stream
   * @throws IllegalArgumentException if the host is blank, the port is not 1 to 65535, or the level keeps
   *     nothing
   * @throws IllegalStateException if the context has already started
   */
  public <T> ReceiverInputDStream<T> rawSocketStream(String host, int port, StorageLevel storageLevel) {
    Arguments.requireNonNull(host, "host");
    Arguments.requireNonNull(storageLevel, "storageLevel");
    return newReceiverStream(SocketReceivers.<T>raw(host, port, storageLevel, runtime.serializer()),
        "rawSocketStream");
  }

  private <T> ReceiverInputDStream<T> newReceiverStream(Receiver<T> receiver, String operationName) {
    return new ReceiverInputDStream<>(this, runtime.receivers().newStream(receiver, operationName));
  }

  /**
   * Returns a stream whose every batch holds the records of all the given streams' batches. Narrow: no
   * shuffle; keeps no state.
   *
   * <pre>{@code
   * // Several receivers in parallel, processed as one stream.
   * DStream<String> lines = ssc.union(ssc.socketTextStream("host1", 9999), ssc.socketTextStream("host2", 9999),
   *     ssc.socketTextStream("host3", 9999));
   * }</pre>
   *
   * @param streams the streams; all with the same slide duration
   * @param <T> the record type
   * @return the union
   * @throws IllegalArgumentException if no stream is given, one belongs to another context, or their slide
   *     durations differ
   * @throws IllegalStateException if the context has already started
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, never stored or exposed
  public final <T> DStream<T> union(DStream<T>... streams) {
    Arguments.requireNonNull(streams, "streams");
    return new DStream<>(this, unionNode(Arrays.stream(streams).toList()));
  }

  /**
   * Returns a pair stream whose every batch holds the records of all the given pair streams' batches. Narrow:
   * no shuffle; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Integer> allCounts = ssc.union(wordCounts, otherCounts);
   * // with (a,1), (b,2), (c,1) and (b,5), (d,7): (a,1), (b,2), (c,1), (b,5), (d,7)
   * }</pre>
   *
   * @param streams the streams; all with the same slide duration
   * @param <K> the key type
   * @param <V> the value type
   * @return the union
   * @throws IllegalArgumentException if no stream is given, one belongs to another context, or their slide
   *     durations differ
   * @throws IllegalStateException if the context has already started
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, never stored or exposed
  public final <K, V> PairDStream<K, V> union(PairDStream<K, V>... streams) {
    Arguments.requireNonNull(streams, "streams");
    return new PairDStream<>(this, unionNode(Arrays.stream(streams).toList()));
  }

  @SuppressWarnings("unchecked")
  private <T> StreamNode<T> unionNode(List<? extends DStreamLike<T, ?, ?>> streams) {
    List<StreamNode<T>> parents = new ArrayList<>();
    parentNodes("union", streams).forEach(parent -> parents.add((StreamNode<T>) parent));
    return new UnionStreamNode<>(parents);
  }

  /**
   * Returns a stream whose every batch is a function of the same batch of several streams, once per
   * batch on the job generator's thread; see {@link DStream#transform(Function)}. Shuffles if the RDD
   * operations do; keeps no state. An exception the function throws fails the batch.
   *
   * <pre>{@code
   * // The words of either stream's batch, each once.
   * DStream<String> vocabulary = ssc.transform(List.of(words, otherWords),
   *     (rdds, time) -> ((RDD<String>) rdds.get(0)).union((RDD<String>) rdds.get(1)).distinct());
   * }</pre>
   *
   * @param streams the streams; all with the same slide duration
   * @param transformFunc builds the batch's RDD from the streams' RDDs (in the streams' order; a pair stream's
   *     is a {@link PairRDD}) and the time
   * @param <T> the result's record type
   * @return the stream
   * @throws IllegalArgumentException if no stream is given, one belongs to another context, or their slide
   *     durations differ
   * @throws IllegalStateException if the context has already started
   */
  public <T> DStream<T> transform(List<? extends DStreamLike<?, ?, ?>> streams,
      Function2<List<RDD<?>>, Time, RDD<T>> transformFunc) {
    Arguments.requireNonNull(streams, "streams");
    Arguments.requireNonNull(transformFunc, "transformFunc");
    return new DStream<>(this, transformNode(streams, transformFunc));
  }

  /**
   * Returns a pair stream whose every batch is a function of the same batch of several streams;
   * otherwise as {@link #transform(List, Function2)}.
   *
   * <pre>{@code
   * PairDStream<String, Integer> totals = ssc.transformToPair(List.of(wordCounts, otherCounts), (rdds, time) -> {
   *   PairRDD<String, Integer> mine = (PairRDD<String, Integer>) rdds.get(0);
   *   PairRDD<String, Integer> theirs = (PairRDD<String, Integer>) rdds.get(1);
   *   return mine.union(theirs).reduceByKey(Integer::sum);
   * });   // with (a,1), (b,2), (c,1) and (b,5), (d,7): (a,1), (b,7), (c,1), (d,7)
   * }</pre>
   *
   * @param streams the streams; all with the same slide duration
   * @param transformFunc builds the batch's pair RDD from the streams' RDDs and the time
   * @param <K> the key type
   * @param <V> the value type
   * @return the stream
   * @throws IllegalArgumentException if no stream is given, one belongs to another context, or their slide
   *     durations differ
   * @throws IllegalStateException if the context has already started
   */
  public <K, V> PairDStream<K, V> transformToPair(List<? extends DStreamLike<?, ?, ?>> streams,
      Function2<List<RDD<?>>, Time, PairRDD<K, V>> transformFunc) {
    Arguments.requireNonNull(streams, "streams");
    Arguments.requireNonNull(transformFunc, "transformFunc");
    return new PairDStream<>(this, transformNode(streams, transformFunc::call));
  }

  private <T> StreamNode<T> transformNode(List<? extends DStreamLike<?, ?, ?>> streams,
      Function2<List<RDD<?>>, Time, ? extends RDD<T>> transformFunc) {
    List<StreamNode<?>> parents = parentNodes("transform", streams);
    List<DStreamLike<?, ?, ?>> kinds = List.copyOf(streams);
    return new TransformedStreamNode<>("transform", parents, (batches, time) -> {
      List<RDD<?>> rdds = new ArrayList<>(batches.size());
      for (int i = 0; i < batches.size(); i++) {
        rdds.add(kinds.get(i).rddOfAny(batches.get(i)));
      }
      return UserRdds.unwrap(transformFunc.call(rdds, time));
    });
  }

  /**
   * Returns the engine-side nodes of the streams an operation of this context combines, checking that they
   * were made by this context: a stream of another context would put the new stream into that context's
   * graph while {@link DStream#context()} named this one.
   */
  private List<StreamNode<?>> parentNodes(String operation, List<? extends DStreamLike<?, ?, ?>> streams) {
    if (streams.isEmpty()) {
      throw new IllegalArgumentException(operation + " needs at least one stream");
    }
    List<StreamNode<?>> parents = new ArrayList<>();
    for (int i = 0; i < streams.size(); i++) {
      DStreamLike<?, ?, ?> stream = Arguments.requireNonNull(streams.get(i), operation + ": streams[" + i + "]");
      if (stream.ssc != this) {
        throw new IllegalArgumentException(operation + " was given " + stream + ", a stream of another "
            + "StreamingContext; create every stream of a pipeline from the context it runs in");
      }
      parents.add(stream.node);
    }
    return parents;
  }

  // ---- recovery -----------------------------------------------------------------------------------------

  /**
   * Returns a context that goes on where the application stopped: calls the factory to build the context
   * and its whole pipeline, then, if the checkpoint directory holds a checkpoint, restores into it the
   * batches that were pending, unfinished or missed, the input streams' progress and the stateful
   * streams' state. Only data is restored, never code, so the functions may change between runs; the
   * graph (its streams, in creation order or by {@link DStream#name(String)}) may not. Start the returned
   * context yourself: it first runs again, in order, every batch that the stopped run had not completed, and
   * every batch time it missed while down, then goes on from the current time.
   *
   * <pre>{@code
   * StreamingContext ssc = StreamingContext.getOrCreate("/var/lib/app/checkpoints", () -> {
   *   StreamingContext created = new StreamingContext(new StreamingConf().setAppName("app"), Durations.seconds(1));
   *   created.textFileStream("/data/incoming").map(String::toUpperCase).saveAsTextFiles("/data/out");
   *   return created;
   * });
   * ssc.start();
   * }</pre>
   *
   * @param checkpointDirectory the checkpoint directory; getOrCreate sets it on the new context unless the
   *     factory did (with the same directory)
   * @param factory creates the context and defines its streams and output operations, without starting it
   * @return the context, not started
   * @throws IllegalStateException if the factory fails, returns null or a started context, or the checkpoint
   *     cannot be restored (none intact, another version, or another graph or batch duration); the message
   *     says why and what to do (see {@code dstream.checkpoint.createOnError} to start afresh instead)
   * @throws IllegalArgumentException if the factory set another checkpoint directory, or the directory is
   *     not usable
   */
  public static StreamingContext getOrCreate(String checkpointDirectory, Function0<StreamingContext> factory) {
    Arguments.requireNonNull(checkpointDirectory, "checkpointDirectory");
    Arguments.requireNonNull(factory, "factory");
    return getOrCreate(checkpointDirectory, factory, new StreamingConf());
  }

  /**
   * Returns a context that goes on where the application stopped, with recovery settings that override the
   * new context's configuration; otherwise as {@link #getOrCreate(String, Function0)}. The settings read from
   * {@code recoveryConf} (where set) are {@code dstream.checkpoint.createOnError}.
   *
   * <pre>{@code
   * // Start afresh, with a new checkpoint, if the old one cannot be restored.
   * StreamingConf recovery = new StreamingConf().set("dstream.checkpoint.createOnError", "true");
   * StreamingContext ssc = StreamingContext.getOrCreate("/var/lib/app/checkpoints", WordCountApp::createContext,
   *     recovery);
   * }</pre>
   *
   * @param checkpointDirectory the checkpoint directory
   * @param factory creates the context and defines its pipeline, without starting it
   * @param recoveryConf settings of the recovery; a key it does not set comes from the new context
   * @return the context, not started
   * @throws IllegalStateException if the factory fails, returns null or a started context, or the checkpoint
   *     cannot be restored (and createOnError is false)
   * @throws IllegalArgumentException if the factory set another checkpoint directory, or the directory is
   *     not usable
   */
  public static StreamingContext getOrCreate(String checkpointDirectory, Function0<StreamingContext> factory,
      StreamingConf recoveryConf) {
    Arguments.requireNonNull(checkpointDirectory, "checkpointDirectory");
    Arguments.requireNonNull(factory, "factory");
    Arguments.requireNonNull(recoveryConf, "recoveryConf");
    StreamingContext ssc = create(factory, "getOrCreate");
    ContextRecovery.recover(ssc.runtime, checkpointDirectory, recoveryConf);
    return ssc;
  }

  /** Calls a factory of {@code getOrCreate} or {@code getActiveOrCreate}, refusing a null context. */
  private static StreamingContext create(Function0<StreamingContext> factory, String operation) {
    StreamingContext ssc;
    try {
      ssc = factory.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the factory given to " + operation + " threw " + e, e);
    }
    if (ssc == null) {
      throw new IllegalStateException("the factory given to " + operation + " returned null; it must create the "
          + "StreamingContext, define its streams and output operations, and return it");
    }
    return ssc;
  }

  /**
   * Returns the context that is active in this JVM (started and not stopped), or else a new one from the
   * factory, as Spark's {@code StreamingContext.getActiveOrCreate} does. Lets code that runs again in the same
   * JVM (a notebook cell, a restarted job) reuse the running context instead of failing to start a second one.
   *
   * <pre>{@code
   * StreamingContext ssc = StreamingContext.getActiveOrCreate(() -> {
   *   StreamingContext created = new StreamingContext(new StreamingConf().setAppName("app"), Durations.seconds(1));
   *   created.textFileStream("/data/incoming").print();
   *   return created;
   * });
   * if (ssc.getState() == StreamingContextState.INITIALIZED) {
   *   ssc.start();
   * }
   * }</pre>
   *
   * @param factory creates the context and defines its pipeline; called only if no context is active
   * @return the active context, or the new one, not started
   * @throws IllegalStateException if the factory is called and fails or returns null
   */
  public static StreamingContext getActiveOrCreate(Function0<StreamingContext> factory) {
    Arguments.requireNonNull(factory, "factory");
    synchronized (ACTIVE_OR_CREATE) {
      return getActive().orElseGet(() -> create(factory, "getActiveOrCreate"));
    }
  }

  /**
   * Returns the context that is active in this JVM (started and not stopped), or else the context that
   * {@link #getOrCreate(String, Function0)} recovers from the checkpoint directory (or creates with the factory
   * if there is no checkpoint), as Spark's {@code StreamingContext.getActiveOrCreate} does. The active context
   * is returned as it is, whatever its checkpoint directory.
   *
   * <pre>{@code
   * StreamingContext ssc = StreamingContext.getActiveOrCreate("/var/lib/app/checkpoints", WordCountApp::createContext);
   * if (ssc.getState() == StreamingContextState.INITIALIZED) {
   *   ssc.start();
   * }
   * }</pre>
   *
   * @param checkpointDirectory the checkpoint directory, used only if no context is active
   * @param factory creates the context and defines its pipeline; called only if no context is active
   * @return the active context, or the recovered or new one, not started
   * @throws IllegalStateException if no context is active and {@link #getOrCreate(String, Function0)} throws it
   * @throws IllegalArgumentException if no context is active and {@link #getOrCreate(String, Function0)} throws it
   */
  public static StreamingContext getActiveOrCreate(String checkpointDirectory, Function0<StreamingContext> factory) {
    Arguments.requireNonNull(checkpointDirectory, "checkpointDirectory");
    Arguments.requireNonNull(factory, "factory");
    synchronized (ACTIVE_OR_CREATE) {
      return getActive().orElseGet(() -> getOrCreate(checkpointDirectory, factory));
    }
  }

  // ---- RDDs ----------------------------------------------------------------------------------------------

  /**
   * Makes an RDD of a list, cut into {@code dstream.default.parallelism} partitions (default: the number of
   * worker threads).
   *
   * <pre>{@code
   * RDD<String> lines = ssc.parallelize(List.of("a b", "b c"));
   * }</pre>
   *
   * @param list the records; copied
   * @param <T> the record type
   * @return the RDD
   */
  public <T> RDD<T> parallelize(List<T> list) {
    Arguments.requireNonNull(list, "list");
    return parallelize(list, runtime.engine().defaultParallelism());
  }

  /**
   * Makes an RDD of a list, cut into contiguous slices.
   *
   * <pre>{@code
   * RDD<Integer> numbers = ssc.parallelize(List.of(1, 2, 3, 4), 2);   // partitions [1, 2] and [3, 4]
   * }</pre>
   *
   * @param list the records; copied
   * @param numSlices the number of partitions
   * @param <T> the record type
   * @return the RDD
   * @throws IllegalArgumentException if {@code numSlices} is not positive
   */
  public <T> RDD<T> parallelize(List<T> list, int numSlices) {
    Arguments.requireNonNull(list, "list");
    requireSlices(numSlices);
    return UserRdds.wrap(new ParallelCollectionRddNode<>(runtime.engine(), list, numSlices));
  }

  /**
   * Makes a pair RDD of a list of pairs.
   *
   * <pre>{@code
   * PairRDD<String, Integer> counts = ssc.parallelizePairs(List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2)));
   * }</pre>
   *
   * @param list the pairs; copied
   * @param <K> the key type
   * @param <V> the value type
   * @return the pair RDD
   */
  public <K, V> PairRDD<K, V> parallelizePairs(List<Tuple2<K, V>> list) {
    Arguments.requireNonNull(list, "list");
    return parallelizePairs(list, runtime.engine().defaultParallelism());
  }

  /**
   * Makes a pair RDD of a list of pairs, cut into contiguous slices.
   *
   * <pre>{@code
   * PairRDD<String, Integer> counts = ssc.parallelizePairs(List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2)), 1);
   * }</pre>
   *
   * @param list the pairs; copied
   * @param numSlices the number of partitions
   * @param <K> the key type
   * @param <V> the value type
   * @return the pair RDD
   * @throws IllegalArgumentException if {@code numSlices} is not positive
   */
  public <K, V> PairRDD<K, V> parallelizePairs(List<Tuple2<K, V>> list, int numSlices) {
    Arguments.requireNonNull(list, "list");
    requireSlices(numSlices);
    return UserRdds.wrapPair(new ParallelCollectionRddNode<>(runtime.engine(), list, numSlices));
  }

  /**
   * Returns an RDD with no records and no partitions.
   *
   * <pre>{@code
   * RDD<String> none = ssc.emptyRDD();   // count() is 0, getNumPartitions() is 0
   * }</pre>
   *
   * @param <T> the record type
   * @return the empty RDD
   */
  public <T> RDD<T> emptyRDD() {
    return UserRdds.wrap(RddOperations.empty(runtime.engine()));
  }

  /**
   * Reads back one batch that {@link DStream#saveAsObjectFiles} wrote: the directory
   * {@code prefix-T_IN_MS[.suffix]} becomes an RDD with one partition per part file, in file-name order, so
   * the records come back in the order they were saved. The part files are listed now and read when an
   * action computes their partitions.
   *
   * <pre>{@code
   * RDD<Order> orders = ssc.objectFile("/data/orders-1357008430000");
   * }</pre>
   *
   * @param path the batch's directory
   * @param <T> the record type (unchecked)
   * @return the RDD; an action on it throws {@link JobFailedException} with a
   *     {@link io.dstream.checkpoint.serializer.CorruptDataException} cause if a part file is corrupt
   * @throws IllegalArgumentException if the path is not an existing directory
   */
  public <T> RDD<T> objectFile(String path) {
    Arguments.requireNonNull(path, "path");
    return UserRdds.wrap(ObjectFileRddNode.<T>open(runtime.engine(), Path.of(path), runtime.serializer()));
  }

  private static void requireSlices(int numSlices) {
    if (numSlices <= 0) {
      throw new IllegalArgumentException("the number of slices must be positive, got " + numSlices);
    }
  }

  // ---- lifecycle -----------------------------------------------------------------------------------------

  /**
   * Starts running the pipeline: the first batch is at the next multiple of the batch duration.
   *
   * <pre>{@code
   * wordCounts.print();   // at least one output operation
   * ssc.start();
   * ssc.awaitTermination();
   * }</pre>
   *
   * @throws IllegalStateException if the context was already started or stopped, if no output operation is
   *     defined, or if another context is active in this JVM
   * @throws IllegalArgumentException if a stream's durations do not fit the batch duration
   */
  public void start() {
    boolean claimedActiveSlot = false;
    if (getState() == StreamingContextState.INITIALIZED && ACTIVE.get() != this) {
      // A context that a fatal error stopped (not stop()) still holds the slot; it is free all the same.
      StreamingContext holder = ACTIVE.get();
      boolean free = holder == null || holder.runtime.isTerminated();
      if (!free || !ACTIVE.compareAndSet(holder, this)) {
        throw new IllegalStateException("another StreamingContext is already active in this JVM; stop it before "
            + "starting a new one (only one context may run at a time)");
      }
      claimedActiveSlot = true;
    }
    try {
      runtime.start(this);
    } catch (RuntimeException e) {
      // Release the slot only if this call took it: a second start() of a running context must not.
      if (claimedActiveSlot) {
        ACTIVE.compareAndSet(this, null);
      }
      throw e;
    }
  }

  /**
   * Stops the context at once: queued batches are dropped and running jobs interrupted. Does nothing if
   * it is already stopped. See {@link #stop(boolean)}.
   *
   * <pre>{@code
   * ssc.stop();
   * ssc.getState();   // STOPPED
   * }</pre>
   */
  public void stop() {
    stop(false);
  }

  /**
   * Stops the context; does nothing if it is already stopped. No batch is generated after this returns.
   *
   * <p>It may be called from an output operation, a listener or a receiver. Since the stop waits for the
   * running jobs, the listeners and the receivers, it then returns without waiting for them and finishes on
   * its own thread; a stopping job is
   * never interrupted. Use {@link #awaitTermination()} to wait until the stop is complete.
   *
   * <pre>{@code
   * // On Ctrl-C, finish the batches that are due, then stop.
   * Runtime.getRuntime().addShutdownHook(new Thread(() -> ssc.stop(true)));
   * }</pre>
   *
   * @param stopGracefully true to first run every batch whose time has come (and every job already queued);
   *     false to stop at once: queued jobs are dropped and running jobs interrupted
   */
  public void stop(boolean stopGracefully) {
    runtime.stop(stopGracefully);
    ACTIVE.compareAndSet(this, null);
  }

  /**
   * Stops the context, with Spark's parameters: {@code stopSparkContext} is accepted so that Spark code
   * ports as it is, and changes nothing, since there is no SparkContext: the context's worker threads and
   * everything else it holds are always released. Otherwise as {@link #stop(boolean)}; does nothing if the
   * context is already stopped.
   *
   * <pre>{@code
   * ssc.stop(true, true);   // as in Spark: stop gracefully (and, in Spark, the SparkContext too)
   * }</pre>
   *
   * @param stopSparkContext ignored: true and false stop the same way
   * @param stopGracefully true to first run every batch whose time has come; false to stop at once
   */
  public void stop(boolean stopSparkContext, boolean stopGracefully) {
    stop(stopGracefully);
  }

  /**
   * Stops the context at once, as {@link #stop()} does, so that try-with-resources stops it. Does nothing
   * if it is already stopped, so closing twice, or closing a stopped context, is harmless.
   *
   * <pre>{@code
   * try (StreamingContext ssc = new StreamingContext(new StreamingConf(), Durations.seconds(1))) {
   *   ssc.queueStream(queue).print();
   *   ssc.start();
   *   ssc.awaitTerminationOrTimeout(10_000);
   * }   // stopped here, even if awaitTerminationOrTimeout threw
   * }</pre>
   */
  @Override
  public void close() {
    stop();
  }

  /**
   * Waits until the context is stopped (and has released its threads), or a job fails.
   *
   * <pre>{@code
   * ssc.start();
   * try {
   *   ssc.awaitTermination();   // until ssc.stop() is called, from another thread, a listener or an output
   * } catch (JobFailedException e) {
   *   System.err.println("a batch failed: " + e.getCause());
   *   ssc.stop();
   * }
   * }</pre>
   *
   * @throws JobFailedException when a job has failed; its cause is the exception the user function threw
   * @throws VirtualMachineError the fatal error (out of memory, stack overflow) that ended the context,
   *     wherever it was thrown; the context has then stopped
   * @throws IllegalStateException if the context was never started (the wait would never end)
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public void awaitTermination() throws InterruptedException {
    runtime.awaitTermination(-1);
  }

  /**
   * Waits until the context is stopped (and has released its threads), a job fails, or the time runs out.
   *
   * <pre>{@code
   * ssc.start();
   * if (!ssc.awaitTerminationOrTimeout(60_000)) {
   *   ssc.stop(true);   // ran for a minute: stop gracefully
   * }
   * }</pre>
   *
   * @param timeoutMillis how long to wait, in milliseconds
   * @return true if the context has stopped, false if the time ran out
   * @throws JobFailedException when a job has failed; its cause is the exception the user function threw
   * @throws VirtualMachineError the fatal error (out of memory, stack overflow) that ended the context; the
   *     context is stopping, and has stopped unless the time ran out first
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitTerminationOrTimeout(long timeoutMillis) throws InterruptedException {
    return runtime.awaitTermination(Math.max(0, timeoutMillis));
  }

  /**
   * Returns the lifecycle state.
   *
   * <pre>{@code
   * if (ssc.getState() == StreamingContextState.ACTIVE) {
   *   ssc.stop(true);
   * }
   * }</pre>
   *
   * @return INITIALIZED, ACTIVE or STOPPED
   */
  public StreamingContextState getState() {
    return runtime.state();
  }

  /**
   * Returns the context that is active in this JVM, if any.
   *
   * <pre>{@code
   * StreamingContext.getActive().ifPresent(active -> active.stop(true));   // e.g. before starting another
   * }</pre>
   *
   * @return the active context
   */
  public static Optional<StreamingContext> getActive() {
    return Optional.ofNullable(ACTIVE.get()).filter(c -> !c.runtime.isTerminated());
  }

  /**
   * Adds a listener for batch, output-operation and receiver events; it may be added before or after
   * {@link #start()}.
   *
   * <pre>{@code
   * ssc.addStreamingListener(new StreamingListener() {
   *   public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
   *     BatchInfo batch = completed.batchInfo();
   *     System.out.println(batch.batchTime() + ": " + batch.numRecords() + " records in "
   *         + batch.processingDelay().orElse(0L) + " ms");
   *   }
   * });
   * }</pre>
   *
   * @param listener the listener
   */
  public void addStreamingListener(StreamingListener listener) {
    runtime.bus().addListener(Arguments.requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener.
   *
   * <pre>{@code
   * StreamingListener progress = new StreamingListener() {};
   * ssc.addStreamingListener(progress);
   * // ...
   * ssc.removeStreamingListener(progress);
   * }</pre>
   *
   * @param listener the listener
   */
  public void removeStreamingListener(StreamingListener listener) {
    Arguments.requireNonNull(listener, "listener");
    runtime.bus().removeListener(listener);
  }

  /**
   * Makes every stream keep its generated RDDs for at least a duration, for example so that
   * {@link DStream#slice} can reach further back.
   *
   * <pre>{@code
   * ssc.remember(Durations.minutes(5));   // DStream.slice can reach 5 minutes back
   * }</pre>
   *
   * @param duration the duration; zero or more
   * @throws IllegalArgumentException if the duration is negative
   * @throws IllegalStateException if the context has already started
   */
  public void remember(Duration duration) {
    Arguments.requireNonNull(duration, "duration");
    if (duration.milliseconds() < 0) {
      throw new IllegalArgumentException("remember(" + duration + "): the duration must not be negative; pass how "
          + "long every stream should keep its RDDs, such as Durations.minutes(1)");
    }
    runtime.graph().remember(duration);
  }

  /**
   * Sets the directory where the context writes its checkpoints (state of stateful streams, and what
   * recovery needs). It is required by stateful operations; any {@code FileSystem} scheme works
   * ({@code /local/path}, {@code file:/...}, {@code memory://name/...} for tests, or one added through
   * {@code java.util.ServiceLoader}).
   *
   * <pre>{@code
   * ssc.checkpoint("/var/lib/myapp/checkpoints");
   * }</pre>
   *
   * @param directory a path or URI; created if missing
   * @throws IllegalStateException if the context has already started
   * @throws IllegalArgumentException if the scheme is unknown or the directory is not writable
   */
  public void checkpoint(String directory) {
    runtime.setCheckpointDirectory(Arguments.requireNonNull(directory, "directory"));
  }

  /**
   * Returns the address of the context's status page, as Spark's {@code SparkContext.uiWebUrl}: served while the
   * context runs when {@code dstream.ui.enabled} is true and the dstream-ui module is on the class path (see
   * docs/monitoring.md).
   *
   * <pre>{@code
   * conf.set("dstream.ui.enabled", "true").set("dstream.ui.port", "0");   // any free port
   * ...
   * ssc.start();
   * ssc.uiWebUrl().ifPresent(url -> System.out.println("Status page: " + url));
   * }</pre>
   *
   * @return the address, such as {@code http://127.0.0.1:4040/}; empty if the page is not served (turned off,
   *     or the context has not started or has stopped)
   */
  public Optional<String> uiWebUrl() {
    return runtime.uiWebUrl();
  }

  /**
   * Returns the batch interval.
   *
   * <pre>{@code
   * Duration interval = ssc.batchDuration();   // 1000 ms for Durations.seconds(1)
   * }</pre>
   *
   * @return the batch duration
   */
  public Duration batchDuration() {
    return runtime.graph().batchDuration();
  }

  /**
   * Returns a copy of the configuration.
   *
   * <pre>{@code
   * String appName = ssc.conf().appName();
   * long stopTimeout = ssc.conf().get(ConfigKeys.STOP_TIMEOUT).milliseconds();
   * }</pre>
   *
   * @return the configuration
   */
  public StreamingConf conf() {
    return runtime.conf().copy();
  }

  @Override
  public String toString() {
    return "StreamingContext(" + runtime.conf().appName() + ", " + batchDuration() + ", " + getState() + ")";
  }
}

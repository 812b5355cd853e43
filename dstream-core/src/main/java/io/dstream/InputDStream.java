package io.dstream;

import io.dstream.checkpoint.internal.Arguments;
import io.dstream.internal.stream.InputStreamNode;

/**
 * A stream that brings data into the pipeline from a source (a queue of RDDs, files, a receiver): one RDD
 * per batch. Create one with a {@link StreamingContext} method such as {@code queueStream}.
 *
 * @param <T> the record type
 */
public class InputDStream<T> extends DStream<T> {
  InputDStream(StreamingContext ssc, InputStreamNode<T> node) {
    super(ssc, node);
  }

  /**
   * Creates a stream that is another input stream under a further type: for a source module whose streams
   * offer more than an input stream (dstream-kafka's direct stream commits offsets). The two are one stream:
   * they share the same batches, name and id.
   *
   * @param same the stream, as its source created it
   */
  protected InputDStream(InputDStream<T> same) {
    super(same.ssc, same.node);
  }

  @Override
  public InputDStream<T> name(String name) {
    Arguments.requireNonNull(name, "name");
    super.name(name);
    return this;
  }

  /**
   * Returns the stream's id, unique in its context: the key of the stream's record count in
   * {@link io.dstream.scheduler.BatchInfo#streamIdToNumRecords()} and the {@code streamId} of its receiver's
   * events.
   *
   * @return the id
   */
  public int id() {
    return node.id();
  }
}

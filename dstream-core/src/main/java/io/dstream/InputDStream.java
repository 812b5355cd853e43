package io.dstream;

import io.dstream.internal.stream.InputNode;

/**
 * A stream that brings data into the pipeline from a source (a queue of RDDs, files, a receiver): one RDD
 * per batch. Create one with a {@link StreamingContext} method such as {@code queueStream}.
 *
 * @param <T> the record type
 */
public class InputDStream<T> extends DStream<T> {
  InputDStream(StreamingContext ssc, InputNode<T> node) {
    super(ssc, node);
  }

  @Override
  public InputDStream<T> name(String name) {
    super.name(name);
    return this;
  }
}

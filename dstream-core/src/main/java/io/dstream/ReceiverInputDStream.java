package io.dstream;

import io.dstream.checkpoint.internal.Arguments;
import io.dstream.internal.receiver.ReceiverInputStreamNode;

/**
 * An input stream whose data a {@link io.dstream.receiver.Receiver} receives: the receiver runs on a thread
 * of its own from {@link StreamingContext#start()} until the context stops, its records are stored as
 * blocks (one every {@code dstream.blockInterval} for records stored one at a time), and each batch's RDD
 * holds the blocks received since the previous batch, one partition per block. Create one with
 * {@link StreamingContext#receiverStream}, {@link StreamingContext#socketTextStream(String, int)} and the
 * other socket streams. The counterpart of Spark's {@code JavaReceiverInputDStream}.
 *
 * @param <T> the record type
 */
public final class ReceiverInputDStream<T> extends InputDStream<T> {
  ReceiverInputDStream(StreamingContext ssc, ReceiverInputStreamNode<T> node) {
    super(ssc, node);
  }

  @Override
  public ReceiverInputDStream<T> name(String name) {
    Arguments.requireNonNull(name, "name");
    super.name(name);
    return this;
  }
}

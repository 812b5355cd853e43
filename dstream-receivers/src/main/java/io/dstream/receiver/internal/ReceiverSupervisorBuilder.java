package io.dstream.receiver.internal;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.receiver.Receiver;

/** Builds a {@link ReceiverSupervisor}; everything but the receiver, stream id and handler is optional. */
public final class ReceiverSupervisorBuilder {
  final Receiver<?> receiver;
  final int streamId;
  final ReceivedBlockHandler blockHandler;
  ReceiverSettings settings = ReceiverSettings.defaults();
  ReceiverListener listener = ReceiverListener.NONE;
  ReceiverClock clock;
  long firstBlockNumber;
  Serializer serializer;

  ReceiverSupervisorBuilder(Receiver<?> receiver, int streamId, ReceivedBlockHandler blockHandler) {
    if (receiver == null || blockHandler == null) {
      throw new IllegalArgumentException("a receiver supervisor needs a receiver and a block handler");
    }
    if (streamId < 0) {
      throw new IllegalArgumentException("a stream id must not be negative, got " + streamId);
    }
    this.receiver = receiver;
    this.streamId = streamId;
    this.blockHandler = blockHandler;
  }

  /**
   * Sets the block interval, restart delay and rate limit (default: {@link ReceiverSettings#defaults()}).
   *
   * @param value the settings
   * @return this builder
   * @throws IllegalArgumentException if the settings are null
   */
  public ReceiverSupervisorBuilder settings(ReceiverSettings value) {
    this.settings = requireArgument(value, "settings");
    return this;
  }

  /**
   * Sets who is told about stored blocks and lifecycle changes (default: nobody).
   *
   * @param value the listener
   * @return this builder
   * @throws IllegalArgumentException if the listener is null
   */
  public ReceiverSupervisorBuilder listener(ReceiverListener value) {
    this.listener = requireArgument(value, "listener");
    return this;
  }

  /**
   * Sets the clock of the block timer, the restart delays and the rate limit: dstream-core's adaptation of
   * its context's clock, or a test's manual clock. A block that waits for room on the block timer then holds
   * up the restarts as well. By default the supervisor creates a {@link SystemReceiverClock} for each, so
   * that it never does, and closes them when it stops; a clock given here is not closed.
   *
   * @param value the clock
   * @return this builder
   * @throws IllegalArgumentException if the clock is null
   */
  public ReceiverSupervisorBuilder clock(ReceiverClock value) {
    this.clock = requireArgument(value, "clock");
    return this;
  }

  /**
   * Sets the number of the supervisor's first block (default 0). A stream that resumes after a recovery
   * continues after the numbers of the blocks it recovered, so that block ids stay unique.
   *
   * @param value the first block number, not negative
   * @return this builder
   * @throws IllegalArgumentException if the number is negative
   */
  public ReceiverSupervisorBuilder firstBlockNumber(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("the first block number must not be negative, got " + value);
    }
    this.firstBlockNumber = value;
    return this;
  }

  /**
   * Sets the serializer that reads the bytes the receiver stores with {@code store(ByteBuffer)}: the
   * context's (default: a {@link KryoSerializer} without registrations).
   *
   * @param value the serializer
   * @return this builder
   * @throws IllegalArgumentException if the serializer is null
   */
  public ReceiverSupervisorBuilder serializer(Serializer value) {
    this.serializer = requireArgument(value, "serializer");
    return this;
  }

  /**
   * Builds the supervisor; it does nothing until {@link ReceiverSupervisor#start()}.
   *
   * @return the supervisor
   */
  public ReceiverSupervisor build() {
    if (serializer == null) {
      serializer = new KryoSerializer();
    }
    return new ReceiverSupervisor(this);
  }

  private static <V> V requireArgument(V value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("the " + name + " of a receiver supervisor must not be null");
    }
    return value;
  }
}

package io.dstream.internal.receiver;

import io.dstream.receiver.internal.PIDRateEstimator;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import java.util.OptionalDouble;
import java.util.function.LongConsumer;

/**
 * Backpressure for one receiver stream: after each completed batch, feeds the batch's record count for the
 * stream, its processing delay and its scheduling delay to a {@link PIDRateEstimator}, and sends the new
 * rate to the stream's receiver. Runs on the listener bus, so batches never wait for it.
 */
final class RateController implements StreamingListener {
  private final int streamId;
  private final PIDRateEstimator estimator;
  private final LongConsumer rateSink;

  /**
   * Creates the controller.
   *
   * @param streamId the receiver's stream
   * @param estimator estimates the rate
   * @param rateSink receives each new rate, in records per second, at least 1
   */
  RateController(int streamId, PIDRateEstimator estimator, LongConsumer rateSink) {
    this.streamId = streamId;
    this.estimator = estimator;
    this.rateSink = rateSink;
  }

  @Override
  public void onBatchCompleted(StreamingListenerBatchCompleted event) {
    BatchInfo batch = event.batchInfo();
    Long records = batch.streamIdToNumRecords().get(streamId);
    if (records == null || batch.processingDelay().isEmpty() || batch.schedulingDelay().isEmpty()) {
      return;
    }
    OptionalDouble rate = estimator.compute(batch.batchTime().milliseconds(), records,
        batch.processingDelay().get(), batch.schedulingDelay().get());
    if (rate.isPresent()) {
      rateSink.accept(Math.max(1, Math.round(rate.getAsDouble())));
    }
  }

  @Override
  public String toString() {
    return "RateController(stream " + streamId + ", " + estimator + ")";
  }
}

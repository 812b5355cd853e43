package io.dstream.internal.backpressure;

import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import io.dstream.receiver.internal.PIDRateEstimator;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import java.util.OptionalDouble;
import java.util.function.LongConsumer;

/**
 * Backpressure for one input stream: after each completed batch, feeds the batch's record count for the
 * stream, its processing delay and its scheduling delay to a {@link PIDRateEstimator}, and sends the new
 * rate to the stream's source (a receiver, or a direct stream that caps its next batches). Runs on the
 * listener bus, so batches never wait for it.
 */
public final class RateController implements StreamingListener {
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

  /**
   * Creates the controller of an input stream with the estimator that the context's
   * {@code dstream.backpressure.pid.*} keys configure. Add it to the context's listener bus.
   *
   * @param conf the context's configuration
   * @param batchDurationMs the batch interval in milliseconds
   * @param streamId the input stream, whose record count of each batch is its measure
   * @param rateSink receives each new rate, in records per second, at least 1
   * @return the controller
   */
  public static RateController fromConf(StreamingConf conf, long batchDurationMs, int streamId,
      LongConsumer rateSink) {
    PIDRateEstimator estimator = new PIDRateEstimator(batchDurationMs, conf.get(ConfigKeys.PID_PROPORTIONAL),
        conf.get(ConfigKeys.PID_INTEGRAL), conf.get(ConfigKeys.PID_DERIVED), conf.get(ConfigKeys.PID_MIN_RATE));
    return new RateController(streamId, estimator, rateSink);
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

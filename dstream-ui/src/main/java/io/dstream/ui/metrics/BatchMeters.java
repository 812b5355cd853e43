package io.dstream.ui.metrics;

import io.dstream.Time;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.OutputOperationInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import io.dstream.scheduler.StreamingListenerStreamingStarted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The listener that turns batch events into meters: a batch's three timings and outcome when it completes,
 * its output operations' outcomes and its inputs' records, and the batches submitted but not completed yet.
 * It runs on the listener bus's thread, never on a batch's.
 */
final class BatchMeters implements StreamingListener {
  private final StreamMeters streams;
  private final Timer processing;
  private final Timer schedulingDelay;
  private final Timer totalDelay;
  private final Counter batchesSucceeded;
  private final Counter batchesFailed;
  private final Counter outputsSucceeded;
  private final Counter outputsFailed;
  // Only batches submitted since the binding: one completed without a submission seen is not counted down.
  private final Set<Time> active = ConcurrentHashMap.newKeySet();

  BatchMeters(RegisteredMeters meters, Tags common, StreamMeters streams) {
    this.streams = streams;
    processing = timer(meters, MeterNames.BATCH_PROCESSING, common,
        "Time from a batch's first job's start to its last job's end");
    schedulingDelay = timer(meters, MeterNames.BATCH_SCHEDULING_DELAY, common,
        "Time a batch waited, from its submission to its first job's start");
    totalDelay = timer(meters, MeterNames.BATCH_TOTAL_DELAY, common,
        "Time from a batch's submission to its last job's end");
    batchesSucceeded = counter(meters, MeterNames.BATCHES_COMPLETED, common.and(MeterNames.OUTCOME,
        MeterNames.SUCCEEDED), "Batches completed");
    batchesFailed = counter(meters, MeterNames.BATCHES_COMPLETED, common.and(MeterNames.OUTCOME,
        MeterNames.FAILED), "Batches completed");
    outputsSucceeded = counter(meters, MeterNames.OUTPUT_OPERATIONS, common.and(MeterNames.OUTCOME,
        MeterNames.SUCCEEDED), "Output operations of completed batches");
    outputsFailed = counter(meters, MeterNames.OUTPUT_OPERATIONS, common.and(MeterNames.OUTCOME,
        MeterNames.FAILED), "Output operations of completed batches");
    meters.register(registry -> Gauge.builder(MeterNames.BATCHES_ACTIVE, active, Set::size).tags(common)
        .description("Batches submitted and not completed yet").register(registry));
  }

  private static Timer timer(RegisteredMeters meters, String name, Tags tags, String description) {
    return meters.register(registry -> Timer.builder(name).tags(tags).description(description).register(registry));
  }

  private static Counter counter(RegisteredMeters meters, String name, Tags tags, String description) {
    return meters.register(registry -> Counter.builder(name).tags(tags).description(description)
        .register(registry));
  }

  @Override
  public void onStreamingStarted(StreamingListenerStreamingStarted event) {
    streams.registerStateStreamsOnce();
  }

  @Override
  public void onBatchSubmitted(StreamingListenerBatchSubmitted event) {
    active.add(event.batchInfo().batchTime());
  }

  @Override
  public void onBatchCompleted(StreamingListenerBatchCompleted event) {
    BatchInfo batch = event.batchInfo();
    active.remove(batch.batchTime());
    record(processing, batch.processingDelay());
    record(schedulingDelay, batch.schedulingDelay());
    record(totalDelay, batch.totalDelay());
    (batch.hasFailure() ? batchesFailed : batchesSucceeded).increment();
    for (OutputOperationInfo output : batch.outputOperationInfos().values()) {
      (output.failure().isPresent() ? outputsFailed : outputsSucceeded).increment();
    }
    streams.countRecords(batch.streamIdToNumRecords());
  }

  private static void record(Timer timer, Optional<Long> millis) {
    millis.ifPresent(value -> timer.record(value, TimeUnit.MILLISECONDS));
  }
}

package io.dstream.ui.metrics;

/**
 * The names and tag keys of dstream's meters, once; docs/monitoring.md's "Metrics" table documents each, and
 * {@code MeterTableDocTest} keeps the two equal.
 */
final class MeterNames {
  static final String BATCH_PROCESSING = "dstream.batch.processing";
  static final String BATCH_SCHEDULING_DELAY = "dstream.batch.scheduling.delay";
  static final String BATCH_TOTAL_DELAY = "dstream.batch.total.delay";
  static final String BATCHES_COMPLETED = "dstream.batches.completed";
  static final String BATCHES_ACTIVE = "dstream.batches.active";
  static final String OUTPUT_OPERATIONS = "dstream.output.operations";
  static final String INPUT_RECORDS = "dstream.input.records";
  static final String RECEIVERS_ACTIVE = "dstream.receivers.active";
  static final String BLOCKS_WAITING = "dstream.blocks.waiting";
  static final String STATE_KEYS = "dstream.state.keys";
  static final String LISTENER_EVENTS_DROPPED = "dstream.listener.events.dropped";

  static final String APPLICATION = "application";
  static final String STREAM = "stream";
  static final String STREAM_ID = "stream.id";
  static final String OUTCOME = "outcome";
  static final String SUCCEEDED = "succeeded";
  static final String FAILED = "failed";

  private MeterNames() {}
}

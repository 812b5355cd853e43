package io.dstream.ui.metrics;

import io.dstream.internal.RuntimeStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of each stream: a counter of the records each input stream brought, registered when a batch first
 * reports that stream's count (only streams whose counts are known without a job have one: receiver, Kafka
 * direct and parallelized queue streams), and a gauge of the keys each state stream holds, registered once the
 * context has started (its graph is complete then). A meter the registry refuses is logged and left out,
 * without touching the others or any batch.
 */
final class StreamMeters {
  private static final Logger LOG = LoggerFactory.getLogger(StreamMeters.class);

  private final RegisteredMeters meters;
  private final Tags common;
  private final RuntimeStatus status;
  private final AtomicBoolean stateRegistered = new AtomicBoolean();
  // Only the listener thread counts records; empty for a stream whose counter the registry refused.
  private final Map<Integer, Optional<Counter>> recordsByStream = new HashMap<>();

  StreamMeters(RegisteredMeters meters, Tags common, RuntimeStatus status) {
    this.meters = meters;
    this.common = common;
    this.status = status;
  }

  /** Registers the gauge of every state stream, unless that was done already. */
  void registerStateStreamsOnce() {
    if (!stateRegistered.compareAndSet(false, true)) {
      return;
    }
    for (RuntimeStatus.StateStream state : status.stateStreams()) {
      Tags tags = streamTags(state.id(), state.name());
      int id = state.id();
      registerOrWarn(MeterNames.STATE_KEYS, tags, () -> meters.register(registry ->
          Gauge.builder(MeterNames.STATE_KEYS, status, current -> keysOf(current, id)).tags(tags)
              .description("Keys held by the state stream after its latest completed batch")
              .register(registry)));
    }
  }

  /** Adds a completed batch's records to each input stream's counter. */
  void countRecords(Map<Integer, Long> recordsPerStream) {
    recordsPerStream.forEach((id, records) -> recordsByStream.computeIfAbsent(id, this::registerRecordCounter)
        .ifPresent(counter -> counter.increment(records)));
  }

  private Optional<Counter> registerRecordCounter(int id) {
    String name = status.inputStreams().stream().filter(input -> input.id() == id)
        .map(RuntimeStatus.InputStream::name).findFirst().orElse("input stream " + id);
    Tags tags = streamTags(id, name);
    return registerOrWarn(MeterNames.INPUT_RECORDS, tags, () -> meters.register(registry ->
        Counter.builder(MeterNames.INPUT_RECORDS).tags(tags)
            .description("Records the input stream brought into completed batches").register(registry)));
  }

  private Tags streamTags(int id, String name) {
    return common.and(MeterNames.STREAM, name).and(MeterNames.STREAM_ID, Integer.toString(id));
  }

  private static <M extends Meter> Optional<M> registerOrWarn(String name, Tags tags, Supplier<M> registration) {
    try {
      return Optional.of(registration.get());
    } catch (RuntimeException e) {
      LOG.warn("the meter registry refused the meter {} {}, so it is left out (the other meters work): {}", name,
          tags, e.toString());
      return Optional.empty();
    }
  }

  /** The keys of one state stream, or NaN (Micrometer's "no value") before its first batch completed. */
  private static double keysOf(RuntimeStatus status, int streamId) {
    OptionalLong keys = status.stateKeys(streamId);
    return keys.isPresent() ? keys.getAsLong() : Double.NaN;
  }
}

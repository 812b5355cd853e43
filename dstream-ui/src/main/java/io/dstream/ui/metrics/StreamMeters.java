package io.dstream.ui.metrics;

import io.dstream.internal.RuntimeStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of each stream: a counter of the records each input stream brought, and a gauge of the keys each
 * state stream holds. The streams are known once the context has started (its graph is then complete), so
 * they are registered then, once; a meter the registry refuses is logged and left out, without touching the
 * others or any batch.
 */
final class StreamMeters {
  private static final Logger LOG = LoggerFactory.getLogger(StreamMeters.class);

  private final RegisteredMeters meters;
  private final Tags common;
  private final RuntimeStatus status;
  private final AtomicBoolean registered = new AtomicBoolean();
  // Written once, by whichever thread registers (the binder's or the listener's); read by the listener.
  private volatile Map<Integer, Counter> recordsByStream = Map.of();

  StreamMeters(RegisteredMeters meters, Tags common, RuntimeStatus status) {
    this.meters = meters;
    this.common = common;
    this.status = status;
  }

  /** Registers the meters of every input and state stream, unless that was done already. */
  void registerOnce() {
    if (!registered.compareAndSet(false, true)) {
      return;
    }
    Map<Integer, Counter> counters = new HashMap<>();
    for (RuntimeStatus.InputStream input : status.inputStreams()) {
      Tags tags = streamTags(input.id(), input.name());
      registerOrWarn(MeterNames.INPUT_RECORDS, tags, () -> counters.put(input.id(), meters.register(registry ->
          Counter.builder(MeterNames.INPUT_RECORDS).tags(tags)
              .description("Records the input stream brought into completed batches")
              .register(registry))));
    }
    for (RuntimeStatus.StateStream state : status.stateStreams()) {
      Tags tags = streamTags(state.id(), state.name());
      int id = state.id();
      registerOrWarn(MeterNames.STATE_KEYS, tags, () -> meters.register(registry ->
          Gauge.builder(MeterNames.STATE_KEYS, status, current -> keysOf(current, id)).tags(tags)
              .description("Keys held by the state stream after its latest completed batch")
              .register(registry)));
    }
    recordsByStream = Map.copyOf(counters);
  }

  /** Adds a completed batch's records to each input stream's counter. */
  void countRecords(Map<Integer, Long> recordsPerStream) {
    Map<Integer, Counter> counters = recordsByStream;
    recordsPerStream.forEach((id, records) -> {
      Counter counter = counters.get(id);
      if (counter != null) {
        counter.increment(records);
      }
    });
  }

  private Tags streamTags(int id, String name) {
    return common.and(MeterNames.STREAM, name).and(MeterNames.STREAM_ID, Integer.toString(id));
  }

  private static void registerOrWarn(String name, Tags tags, Runnable registration) {
    try {
      registration.run();
    } catch (RuntimeException e) {
      LOG.warn("the meter registry refused the meter {} {}, so it is left out (the other meters work): {}", name,
          tags, e.toString());
    }
  }

  /** The keys of one state stream, or NaN (Micrometer's "no value") before its first batch completed. */
  private static double keysOf(RuntimeStatus status, int streamId) {
    for (RuntimeStatus.StateStream state : status.stateStreams()) {
      if (state.id() == streamId) {
        return state.keys().isPresent() ? state.keys().getAsLong() : Double.NaN;
      }
    }
    return Double.NaN;
  }
}

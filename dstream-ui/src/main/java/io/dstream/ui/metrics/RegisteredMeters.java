package io.dstream.ui.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The meters one binding registered in one registry, removed from it when the context stops: a registry
 * outlives the contexts it served (an application server's, a test suite's), and a stopped context's gauges
 * would otherwise report stale values, and block a later context of the same name from registering its own
 * (a registry hands out the meter it has for an id).
 */
final class RegisteredMeters implements AutoCloseable {
  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();
  private boolean closed;

  RegisteredMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Registers a meter; once closed, the meter is removed again at once, so that a listener event delivered
   * during the stop counts into a meter no registry shows.
   */
  synchronized <M extends Meter> M register(Function<MeterRegistry, M> builder) {
    M meter = builder.apply(registry);
    if (closed) {
      registry.remove(meter);
    } else {
      meters.add(meter);
    }
    return meter;
  }

  /** Removes every meter registered so far from the registry. */
  @Override
  public synchronized void close() {
    closed = true;
    meters.forEach(registry::remove);
    meters.clear();
  }

  @Override
  public String toString() {
    return "dstream's meters in " + registry.getClass().getSimpleName();
  }
}

package io.dstream.ui.metrics;

import io.dstream.StreamingContext;
import io.dstream.StreamingContextState;
import io.dstream.internal.ContextAccess;
import io.dstream.internal.StreamingRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds a context's figures to a Micrometer {@link MeterRegistry}, so that the metrics system the application
 * runs (Prometheus, JMX, OTLP, ...) gets them: timers of each batch's processing time, scheduling delay and total
 * delay; counters of completed batches and output operations by outcome and of each input stream's records;
 * gauges of the batches and receivers active, the blocks waiting, each state stream's keys, and a counter of
 * dropped listener events. Every meter is tagged with {@code application}, the context's
 * {@code dstream.app.name}; docs/monitoring.md lists them all.
 *
 * <pre>{@code
 * MeterRegistry registry = new SimpleMeterRegistry();
 * DStreamMetrics.bind(ssc, registry);
 * ssc.start();
 * }</pre>
 *
 * <p>It is a {@link MeterBinder}, so a framework that binds every {@code MeterBinder} it is given (Spring Boot
 * does, for a bean) binds it as well. Bind before {@code start()} to count every batch, or while the context runs
 * to count from the next events. The meters live as long as the context: when it stops, they are removed from the
 * registry, so that a registry that outlives the context holds nothing of it, and a later context of the same
 * name can bind again. The meters are updated by a listener, on the listener bus's thread, never on a batch's;
 * the gauges read the context when the registry is read.
 */
public final class DStreamMetrics implements MeterBinder {
  private final StreamingContext context;

  /** What the context's resources keep, to remove the meters when the context stops. */
  private record Binding(RegisteredMeters meters) {}

  /**
   * Creates a binder of a context's meters; {@link #bindTo} registers them.
   *
   * @param context the context
   * @throws IllegalArgumentException if {@code context} is null
   */
  public DStreamMetrics(StreamingContext context) {
    if (context == null) {
      throw new IllegalArgumentException("context is null; pass the StreamingContext whose meters to bind");
    }
    this.context = context;
  }

  /**
   * Binds a context's meters to a registry: {@code new DStreamMetrics(context).bindTo(registry)}.
   *
   * @param context the context
   * @param registry the registry
   * @return the binder, which may bind the same meters to another registry
   * @throws IllegalArgumentException if {@code context} or {@code registry} is null
   * @throws IllegalStateException as {@link #bindTo} does
   */
  public static DStreamMetrics bind(StreamingContext context, MeterRegistry registry) {
    DStreamMetrics metrics = new DStreamMetrics(context);
    metrics.bindTo(registry);
    return metrics;
  }

  /**
   * Registers the context's meters in a registry and a listener on the context that updates them. The gauges
   * of state streams are registered when the context starts (at once if it runs already), an input stream's
   * record counter when a batch first reports the stream's count; a meter the registry refuses then is logged
   * and left out. Binding to several registries is fine.
   *
   * @param registry the registry
   * @throws IllegalArgumentException if {@code registry} is null
   * @throws IllegalStateException if the context has stopped, or the registry holds the meters of a running
   *     context of the same application name already (this one bound twice, or another one)
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    if (registry == null) {
      throw new IllegalArgumentException("registry is null; pass the MeterRegistry to bind dstream's meters to");
    }
    StreamingRuntime runtime = ContextAccess.runtime(context);
    String application = runtime.conf().appName();
    Tags common = Tags.of(MeterNames.APPLICATION, application);
    checkCanBind(registry, application, common);
    RegisteredMeters meters = new RegisteredMeters(registry);
    try {
      StreamMeters streams = new StreamMeters(meters, common, runtime.status());
      BatchMeters listener = new BatchMeters(meters, common, streams);
      StatusGauges.register(meters, common, runtime.status());
      runtime.resources().get(new Binding(meters), () -> meters);
      context.addStreamingListener(listener);
      // After adding the listener: a context that starts later tells it, one that started already is asked now.
      if (context.getState() == StreamingContextState.ACTIVE) {
        streams.registerStateStreamsOnce();
      }
    } catch (RuntimeException e) {
      meters.close();
      throw e;
    }
  }

  private void checkCanBind(MeterRegistry registry, String application, Tags common) {
    if (context.getState() == StreamingContextState.STOPPED) {
      throw new IllegalStateException("the StreamingContext of application '" + application + "' has stopped, so "
          + "it has no meters to bind; bind before start() or while it runs");
    }
    if (registry.find(MeterNames.BATCHES_COMPLETED).tags(common).meter() != null) {
      throw new IllegalStateException("the registry holds the dstream meters of application '" + application
          + "' already (this context was bound to it, or another running context of that name was); bind each "
          + "context once per registry, and give contexts that share a registry different names "
          + "(dstream.app.name)");
    }
  }
}

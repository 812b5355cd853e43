package io.dstream.internal;

import io.dstream.ConfigKey;
import io.dstream.StreamingContext;

/**
 * A part of dstream that a module above core adds to every context whose configuration turns it on, such as
 * dstream-ui's status page. Implementations are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.dstream.internal.RuntimeExtension} file in the module's jar) when a context
 * starts, and need a public no-argument constructor.
 */
public interface RuntimeExtension {

  /**
   * Returns the configuration key that turns this extension on; it must be one of {@link io.dstream.ConfigKeys}'
   * boolean keys that core knows a providing module for (see {@link RuntimeExtensions}).
   *
   * @return the key, such as {@code ConfigKeys.UI_ENABLED}
   */
  ConfigKey<Boolean> enabledBy();

  /**
   * Starts beside a context that is starting, after its checks passed and before its first listener event:
   * the place to register listeners and open servers. What it returns is closed when the context stops.
   *
   * @param context the context
   * @return what to close when the context stops
   * @throws Exception if it cannot start; the context's start then fails and the context is stopped
   */
  AutoCloseable start(StreamingContext context) throws Exception;
}

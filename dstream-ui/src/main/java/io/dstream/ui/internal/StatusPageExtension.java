package io.dstream.ui.internal;

import io.dstream.ConfigKey;
import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.internal.ContextAccess;
import io.dstream.internal.RuntimeExtension;
import io.dstream.internal.StreamingRuntime;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a context's status page and JSON API while it runs, when {@code dstream.ui.enabled} is true: a
 * {@link StatusStore} listens to the context's events, and a {@link StatusServer} answers from it. Found by
 * core with {@link java.util.ServiceLoader}; closing what {@link #start} returns stops the server.
 */
public final class StatusPageExtension implements RuntimeExtension {
  private static final Logger LOG = LoggerFactory.getLogger(StatusPageExtension.class);

  /** Creates the extension; core calls it through {@link java.util.ServiceLoader}. */
  public StatusPageExtension() {}

  /**
   * Returns {@code dstream.ui.enabled}.
   *
   * @return the key
   */
  @Override
  public ConfigKey<Boolean> enabledBy() {
    return ConfigKeys.UI_ENABLED;
  }

  /**
   * Starts the status page of a starting context: registers its listener, starts its server on
   * {@code dstream.ui.host} and the first free port from {@code dstream.ui.port} on, logs its URL at INFO and
   * publishes it as {@link StreamingContext#uiWebUrl()}.
   *
   * @param context the starting context
   * @return what stops the server and forgets the URL when the context stops
   * @throws IllegalStateException if the host cannot be resolved or no port is free
   * @throws IOException if the server cannot listen for another reason
   */
  @Override
  public AutoCloseable start(StreamingContext context) throws IOException {
    StreamingConf conf = context.conf();
    StreamingRuntime runtime = ContextAccess.runtime(context);
    StatusStore store = new StatusStore(context.batchDuration().milliseconds(),
        conf.get(ConfigKeys.UI_RETAINED_BATCHES));
    StatusServer server = StatusServer.bind(conf.get(ConfigKeys.UI_HOST), conf.get(ConfigKeys.UI_PORT));
    String url = server.url();
    try {
      server.start(new StatusRouter(new StatusApi(store, runtime.status(), url), PageResources.load()));
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    context.addStreamingListener(store);
    runtime.uiWebUrl(url);
    LOG.info("Status page of {} at {}", conf.appName(), url);
    return () -> {
      runtime.uiWebUrl(null);
      context.removeStreamingListener(store);
      server.close();
    };
  }
}

package io.dstream.internal;

import io.dstream.ConfigKey;
import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the {@link RuntimeExtension}s that a context's configuration turns on, and refuses a key that turns
 * on an extension whose module is not on the class path (rather than silently serving nothing).
 */
final class RuntimeExtensions {
  private static final Logger LOG = LoggerFactory.getLogger(RuntimeExtensions.class);

  /** The keys that turn an extension on, with the module that provides it. */
  static final Map<ConfigKey<Boolean>, String> PROVIDERS = Map.of(ConfigKeys.UI_ENABLED, "io.dstream:dstream-ui");

  private final List<RuntimeExtension> available;

  /**
   * Uses the given extensions.
   *
   * @param available the extensions on the class path
   */
  RuntimeExtensions(List<RuntimeExtension> available) {
    this.available = List.copyOf(available);
  }

  /**
   * Uses the extensions that {@link ServiceLoader} finds on the class path.
   *
   * @return the extensions
   * @throws java.util.ServiceConfigurationError if a listed extension cannot be loaded
   */
  static RuntimeExtensions onClassPath() {
    return new RuntimeExtensions(ServiceLoader.load(RuntimeExtension.class).stream()
        .map(ServiceLoader.Provider::get).toList());
  }

  /**
   * Starts every extension that the configuration turns on and keeps what it returns in the context's
   * resources, which close it when the context stops.
   *
   * @param context the starting context
   * @param conf its configuration
   * @param resources its resources
   * @throws IllegalStateException if a key turns on an extension that no module on the class path provides, or
   *     an extension fails to start (with its exception as the cause)
   */
  void startEnabled(StreamingContext context, StreamingConf conf, ContextResources resources) {
    for (Map.Entry<ConfigKey<Boolean>, String> provider : PROVIDERS.entrySet()) {
      ConfigKey<Boolean> key = provider.getKey();
      if (conf.get(key) && available.stream().noneMatch(extension -> extension.enabledBy().equals(key))) {
        throw new IllegalStateException(key.name() + " is true, but no module on the class path provides what "
            + "it turns on: add the dependency " + provider.getValue() + ", or set " + key.name() + " to false");
      }
    }
    for (RuntimeExtension extension : available) {
      if (conf.get(extension.enabledBy())) {
        AutoCloseable started = start(extension, context);
        resources.get(new Started(extension.getClass()), () -> started);
        LOG.debug("Started {} ({} is true)", extension.getClass().getName(), extension.enabledBy().name());
      }
    }
  }

  private static AutoCloseable start(RuntimeExtension extension, StreamingContext context) {
    try {
      return extension.start(context);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(extension.getClass().getName() + " (turned on by "
          + extension.enabledBy().name() + ") could not start: " + e, e);
    }
  }

  /** The key of a started extension's handle among the context's resources. */
  private record Started(Class<?> extension) {}
}

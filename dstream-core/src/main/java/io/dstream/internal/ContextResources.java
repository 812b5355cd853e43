package io.dstream.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Objects that live as long as a context and that its tasks share, such as a source module's cached
 * connections: made on first use, closed when the context stops, after its worker threads have ended (so no
 * task uses them any more).
 */
public final class ContextResources {
  private static final Logger LOG = LoggerFactory.getLogger(ContextResources.class);

  private final Map<Object, AutoCloseable> byKey = new LinkedHashMap<>();
  private boolean closed;

  ContextResources() {}

  /**
   * Returns the resource kept under a key, made by the factory on first use.
   *
   * @param key what tells resources apart (with {@code equals}); a record private to the caller keeps its
   *     resources apart from everyone else's, and must name the resource's type
   * @param factory makes the resource
   * @param <R> the resource's type, the same for every call with an equal key
   * @return the resource
   * @throws IllegalStateException if the context has stopped
   */
  @SuppressWarnings("unchecked")
  public synchronized <R extends AutoCloseable> R get(Object key, Supplier<R> factory) {
    if (closed) {
      throw new IllegalStateException("the StreamingContext has stopped, so it keeps no resources for tasks any "
          + "more (asked for " + key + "); create RDDs on a context that has not stopped");
    }
    return (R) byKey.computeIfAbsent(key, k -> factory.get());
  }

  /** Closes every resource, in the order they were made; a failure to close one is logged and the rest closed. */
  void close() {
    List<AutoCloseable> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(byKey.values());
      byKey.clear();
    }
    for (AutoCloseable resource : toClose) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("could not close {} when the context stopped: {}", resource, e.toString());
      }
    }
  }
}

package io.dstream.internal;

import io.dstream.StreamingContextState;
import io.dstream.checkpoint.internal.Lifecycle;
import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a {@link StreamingRuntime}:
 *
 * <pre>
 * INITIALIZED -&gt; ACTIVE -&gt; STOPPING -&gt; TERMINATED
 *      |                       ^
 *      +-----------------------+   (stopped before start, or start failed)
 * </pre>
 *
 * Users see it as a {@link StreamingContextState}: the last two are both {@code STOPPED}.
 */
enum RuntimeState implements Lifecycle.State<RuntimeState> {
  /** Created; streams may be defined. */
  INITIALIZED,
  /** Started: batches are generated. */
  ACTIVE,
  /** A stop is under way: no more batches; the jobs, receivers and threads are being waited for. */
  STOPPING,
  /** Stopped and every thread released. */
  TERMINATED;

  @Override
  public Set<RuntimeState> next() {
    return switch (this) {
      case INITIALIZED -> EnumSet.of(ACTIVE, STOPPING);
      case ACTIVE -> EnumSet.of(STOPPING);
      case STOPPING -> EnumSet.of(TERMINATED);
      case TERMINATED -> EnumSet.noneOf(RuntimeState.class);
    };
  }

  @Override
  public String hint(RuntimeState target) {
    if (target == ACTIVE && this == ACTIVE) {
      return ": it has already been started; call start() only once";
    }
    if (target == ACTIVE) {
      return ": it has been stopped and cannot be restarted; create a new StreamingContext";
    }
    return "";
  }

  /** Returns the state as users see it. */
  StreamingContextState publicState() {
    return switch (this) {
      case INITIALIZED -> StreamingContextState.INITIALIZED;
      case ACTIVE -> StreamingContextState.ACTIVE;
      case STOPPING, TERMINATED -> StreamingContextState.STOPPED;
    };
  }
}

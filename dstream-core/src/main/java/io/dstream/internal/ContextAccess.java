package io.dstream.internal;

import io.dstream.StreamingContext;
import java.util.function.Function;

/**
 * Lets the test kit reach the runtime behind a {@link StreamingContext} without a public accessor that
 * users would see. {@code StreamingContext} installs the accessor when it is initialized.
 */
public final class ContextAccess {
  private static volatile Function<StreamingContext, StreamingRuntime> accessor;

  private ContextAccess() {}

  /**
   * Installs the accessor; called once by {@code StreamingContext}'s static initializer.
   *
   * @param installed the accessor
   */
  public static void install(Function<StreamingContext, StreamingRuntime> installed) {
    accessor = installed;
  }

  /**
   * Returns the runtime of a context.
   *
   * @param context the context (its class is initialized, so the accessor is installed)
   * @return the runtime
   */
  public static StreamingRuntime runtime(StreamingContext context) {
    return accessor.apply(context);
  }
}

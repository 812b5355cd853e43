package io.dstream.internal;

import io.dstream.StreamingContext;
import java.util.function.Function;

/**
 * Lets the test kit follow the batches of a {@link StreamingContext} ({@link BatchProgress}) without a public
 * accessor that users would see. {@code StreamingContext} installs the accessor when it is initialized; no one
 * else can.
 */
public final class ContextAccess {
  private static volatile Function<StreamingContext, BatchProgress> accessor;

  private ContextAccess() {}

  /**
   * Installs the accessor; called once, by {@code StreamingContext}'s static initializer.
   *
   * @param installed the accessor
   * @throws IllegalStateException if an accessor is installed already
   */
  public static synchronized void install(Function<StreamingContext, BatchProgress> installed) {
    if (accessor != null) {
      throw new IllegalStateException("the context accessor is installed already, by StreamingContext; it cannot "
          + "be replaced");
    }
    accessor = installed;
  }

  /**
   * Returns the batch progress of a context.
   *
   * @param context the context (its class is initialized, so the accessor is installed)
   * @return its batch progress
   */
  public static BatchProgress batches(StreamingContext context) {
    return accessor.apply(context);
  }
}

package io.dstream.receiver.internal;

import io.dstream.receiver.Receiver;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Lets the engine attach a {@link ReceiverRuntime} to a {@link Receiver} without a public method on
 * {@code Receiver} that users could call. {@code Receiver} installs the attaching function when its class is
 * initialized, which has happened before any receiver object exists.
 */
public final class ReceiverAccess {
  private static volatile BiConsumer<Receiver<?>, ReceiverRuntime> attacher;
  private static volatile Function<Receiver<?>, ReceiverRuntime> lookup;

  private ReceiverAccess() {}

  /**
   * Installs the function that attaches a runtime; called once, by {@code Receiver}'s class initializer.
   *
   * @param function the attaching function
   * @param runtimeOf returns the runtime attached to a receiver, throwing IllegalStateException if none is
   * @throws IllegalStateException if a function is already installed
   */
  public static synchronized void install(BiConsumer<Receiver<?>, ReceiverRuntime> function,
      Function<Receiver<?>, ReceiverRuntime> runtimeOf) {
    if (attacher != null) {
      throw new IllegalStateException("the receiver attacher is already installed; only Receiver installs it");
    }
    attacher = function;
    lookup = runtimeOf;
  }

  /**
   * Returns the runtime a receiver is attached to: how the engine's own receivers reach bulk paths that
   * the public {@code store} methods do not offer.
   *
   * @param receiver the receiver
   * @return its runtime
   * @throws IllegalStateException if the receiver is not running yet
   */
  public static ReceiverRuntime runtimeOf(Receiver<?> receiver) {
    return lookup.apply(receiver);
  }

  /**
   * Attaches a runtime to a receiver, after which its {@code store}, {@code restart} and {@code stop}
   * methods go to that runtime.
   *
   * @param receiver the receiver
   * @param runtime what runs it
   * @throws IllegalStateException if the receiver is already attached to another runtime
   */
  public static void attach(Receiver<?> receiver, ReceiverRuntime runtime) {
    attacher.accept(receiver, runtime);
  }
}

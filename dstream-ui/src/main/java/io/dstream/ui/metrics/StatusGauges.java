package io.dstream.ui.metrics;

import io.dstream.internal.RuntimeStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;

/**
 * The context-wide meters read from the runtime's status when the registry is read, not per batch: receivers
 * running, blocks waiting for a batch, listener events dropped. Micrometer holds the status only weakly, and
 * the functions capture nothing of the context, so a registry never keeps a context alive.
 */
final class StatusGauges {
  private StatusGauges() {}

  static void register(RegisteredMeters meters, Tags common, RuntimeStatus status) {
    meters.register(registry -> Gauge.builder(MeterNames.RECEIVERS_ACTIVE, status, StatusGauges::activeReceivers)
        .tags(common).description("Receivers running").register(registry));
    meters.register(registry -> Gauge.builder(MeterNames.BLOCKS_WAITING, status, RuntimeStatus::blocksWaiting)
        .tags(common).description("Received blocks that no batch has taken yet").register(registry));
    meters.register(registry -> FunctionCounter.builder(MeterNames.LISTENER_EVENTS_DROPPED, status,
            RuntimeStatus::droppedListenerEvents)
        .tags(common).description("Listener events dropped because a listener was too slow").register(registry));
  }

  private static double activeReceivers(RuntimeStatus status) {
    return status.inputStreams().stream()
        .filter(input -> input.receiver().map(receiver -> receiver.active()).orElse(false))
        .count();
  }
}

package io.dstream.ui.internal;

import io.dstream.scheduler.ReceiverInfo;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the status page keeps of a receiver: its latest reported state, without the error's exception.
 *
 * @param streamId the id of its input stream
 * @param name the receiver's class name
 * @param active whether it runs
 * @param lastErrorMessage the message of its latest error, if any
 * @param lastErrorTimeMs when that error happened, if any
 */
record ReceiverSummary(int streamId, String name, boolean active, Optional<String> lastErrorMessage,
    OptionalLong lastErrorTimeMs) {

  /**
   * Reduces a receiver's info.
   *
   * @param info the info
   * @return the summary
   */
  static ReceiverSummary of(ReceiverInfo info) {
    return new ReceiverSummary(info.streamId(), info.name(), info.active(), info.lastErrorMessage(),
        info.lastErrorTime().map(OptionalLong::of).orElse(OptionalLong.empty()));
  }

  /**
   * Returns the receiver's status as the page shows it.
   *
   * @return {@code active} or {@code inactive}
   */
  String status() {
    return active ? "active" : "inactive";
  }
}

package io.dstream.kafka;

import java.util.ArrayList;
import java.util.List;

/** The messages of a failure and of its causes, for assertions on what an error tells. */
final class FailureMessages {
  private FailureMessages() {}

  /** Returns the messages of a failure and of its causes, outermost first. */
  static List<String> of(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      messages.add(String.valueOf(cause.getMessage()));
    }
    return messages;
  }
}

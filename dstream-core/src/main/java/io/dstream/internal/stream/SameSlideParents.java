package io.dstream.internal.stream;

import java.util.List;

/** The check of a stream that combines the same batch of several parents: one context, one slide. */
final class SameSlideParents {
  private SameSlideParents() {}

  /**
   * Checks the parents of an operation before its node registers with the graph, so that a refused
   * operation does not take a stream id and shift the ids of the streams defined after it.
   *
   * @param operationName the operation's name, for the message
   * @param parents the parents, at least one
   * @return their graph
   * @throws IllegalArgumentException if the parents belong to different contexts or have different slide
   *     durations
   */
  static DStreamGraph graphOf(String operationName, List<? extends StreamNode<?>> parents) {
    StreamNode<?> first = parents.get(0);
    for (StreamNode<?> other : parents) {
      if (other.graph() != first.graph()) {
        throw new IllegalArgumentException(operationName + " combines streams of different StreamingContexts ("
            + first + " and " + other + "); all streams of one pipeline must come from one context");
      }
      if (!other.slideDuration().equals(first.slideDuration())) {
        throw new IllegalArgumentException(operationName + " combines streams with different slide durations: "
            + first.slideDuration() + " (" + first + ") and " + other.slideDuration() + " (" + other
            + "); window them to the same slide first");
      }
    }
    return first.graph();
  }
}

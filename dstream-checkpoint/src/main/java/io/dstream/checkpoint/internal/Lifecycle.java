package io.dstream.checkpoint.internal;

import java.util.Set;

/**
 * The lifecycle of one component, in the one idiom every module uses: the states are an enum whose constants
 * say which states each may move to ({@link State#next()}), and a move that the table does not allow is
 * refused with an {@link IllegalStateException} that names the component, both states and, where the state
 * enum gives one, what to do instead. Moves are atomic; the current state may be read from any thread.
 *
 * <pre>{@code
 * enum WriterState implements Lifecycle.State<WriterState> {
 *   NEW, RUNNING, CLOSED;
 *   public Set<WriterState> next() {
 *     return switch (this) {
 *       case NEW -> EnumSet.of(RUNNING, CLOSED);
 *       case RUNNING -> EnumSet.of(CLOSED);
 *       case CLOSED -> EnumSet.noneOf(WriterState.class);
 *     };
 *   }
 * }
 * Lifecycle<WriterState> lifecycle = new Lifecycle<>("the checkpoint writer", WriterState.NEW);
 * lifecycle.moveTo(WriterState.RUNNING);
 * }</pre>
 *
 * @param <S> the state enum
 */
public final class Lifecycle<S extends Enum<S> & Lifecycle.State<S>> {
  /**
   * A state of a lifecycle: it knows the states it may move to.
   *
   * @param <S> the state enum itself
   */
  public interface State<S extends Enum<S> & State<S>> {
    /**
     * Returns the states this state may move to.
     *
     * @return the allowed next states
     */
    Set<S> next();

    /**
     * Says what to do instead of a move that is not allowed; appended to the refusal's message.
     *
     * @param target the state the move was refused to
     * @return text that continues the refusal's message, such as {@code "; create a new one"}, or the empty
     *     string
     */
    default String hint(S target) {
      return "";
    }
  }

  private final String owner;
  private volatile S current;

  /**
   * Creates a lifecycle in its first state.
   *
   * @param owner what the lifecycle belongs to, as the refusals name it, such as {@code "the StreamingContext"}
   * @param initial the first state
   */
  public Lifecycle(String owner, S initial) {
    this.owner = Arguments.requireNonNull(owner, "owner");
    this.current = Arguments.requireNonNull(initial, "initial");
  }

  /**
   * Checks a move between two states of a table, without a lifecycle object (for a component that keeps its
   * state under a lock of its own).
   *
   * @param owner what the state belongs to, for the message
   * @param from the current state
   * @param to the state to move to
   * @param <S> the state enum
   * @return {@code to}
   * @throws IllegalStateException if {@code from} may not move to {@code to}; the message names both, and
   *     says what to do where {@code from}'s table gives a hint
   */
  public static <S extends Enum<S> & State<S>> S checkMove(String owner, S from, S to) {
    if (!from.next().contains(to)) {
      throw new IllegalStateException(owner + " cannot move from " + from + " to " + to + from.hint(to));
    }
    return to;
  }

  /**
   * Returns the current state.
   *
   * @return the state
   */
  public S current() {
    return current;
  }

  /**
   * Tells whether the current state is one of some states.
   *
   * @param first a state
   * @param others more states
   * @return true if the current state is among them
   */
  @SafeVarargs
  public final boolean is(S first, S... others) {
    S now = current;
    if (now == first) {
      return true;
    }
    for (S other : others) {
      if (now == other) {
        return true;
      }
    }
    return false;
  }

  /**
   * Moves to a state.
   *
   * @param target the state to move to
   * @return the state moved from
   * @throws IllegalStateException if the current state may not move to {@code target} (see
   *     {@link #checkMove})
   */
  public synchronized S moveTo(S target) {
    S from = current;
    current = checkMove(owner, from, target);
    return from;
  }

  /**
   * Moves to a state if the table allows it from the current state, and otherwise stays: for moves that may
   * come more than once, such as a second stop.
   *
   * @param target the state to move to
   * @return true if moved
   */
  public synchronized boolean tryMoveTo(S target) {
    if (!current.next().contains(target)) {
      return false;
    }
    current = target;
    return true;
  }

  @Override
  public String toString() {
    return owner + " " + current;
  }
}

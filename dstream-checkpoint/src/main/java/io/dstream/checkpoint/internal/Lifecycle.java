package io.dstream.checkpoint.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The table of allowed moves of a lifecycle enum, and the one check of a move against it: the idiom every
 * component with a lifecycle uses (a state enum whose {@code checkMoveTo} asks its table). A move the table
 * does not list is refused with an {@link IllegalStateException} that names the component, both states, the
 * moves allowed from the current state, and, where the enum gives one, a hint of what to do. Immutable and
 * thread-safe; the component keeps its current state itself.
 *
 * <pre>{@code
 * enum State {
 *   NEW, RUNNING, STOPPED;
 *
 *   private static final Lifecycle<State> MOVES = Lifecycle.of(State.class)
 *       .allow(NEW, RUNNING, STOPPED).allow(RUNNING, STOPPED).build();
 *
 *   State checkMoveTo(State target) {
 *     return MOVES.checkMove("the pump", this, target);
 *   }
 * }
 * }</pre>
 *
 * @param <S> the enum of states
 */
public final class Lifecycle<S extends Enum<S>> {
  private final Map<S, Set<S>> moves;
  private final BiFunction<S, S, String> hint;

  private Lifecycle(Map<S, Set<S>> moves, BiFunction<S, S, String> hint) {
    this.moves = moves;
    this.hint = hint;
  }

  /**
   * Starts the table of a lifecycle; a state the table gives no moves from is final.
   *
   * @param type the enum of states
   * @param <S> the enum of states
   * @return a builder with no moves allowed yet
   * @throws IllegalArgumentException if the type is null
   */
  public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
    return new Builder<>(Arguments.requireNonNull(type, "type"));
  }

  /**
   * Returns the states a state may move to.
   *
   * @param from the current state
   * @return the allowed next states (empty for a final state), unmodifiable
   */
  public Set<S> next(S from) {
    return moves.get(from);
  }

  /**
   * Tells whether a move is allowed.
   *
   * @param from the current state
   * @param to the state to move to
   * @return true if the table allows it
   */
  public boolean allows(S from, S to) {
    return moves.get(from).contains(to);
  }

  /**
   * Checks a move against the table.
   *
   * @param subject what moves, for the message, such as {@code "the block generator of stream 3"}
   * @param from the current state
   * @param to the state to move to
   * @return {@code to}
   * @throws IllegalStateException "SUBJECT cannot move from FROM to TO (allowed from FROM: [...])", followed
   *     by the hint for that move if there is one, if the table does not allow the move
   */
  public S checkMove(String subject, S from, S to) {
    if (!allows(from, to)) {
      String advice = hint.apply(from, to);
      throw new IllegalStateException(subject + " cannot move from " + from + " to " + to + " (allowed from "
          + from + ": " + next(from) + ")" + (advice.isEmpty() ? "" : "; " + advice));
    }
    return to;
  }

  /**
   * Builds the table of a {@link Lifecycle}.
   *
   * @param <S> the enum of states
   */
  public static final class Builder<S extends Enum<S>> {
    private final Map<S, Set<S>> moves;
    private BiFunction<S, S, String> hint = (from, to) -> "";

    private Builder(Class<S> type) {
      moves = new EnumMap<>(type);
      for (S state : type.getEnumConstants()) {
        moves.put(state, EnumSet.noneOf(type));
      }
    }

    /**
     * Allows moves from one state.
     *
     * @param from the state
     * @param to the states it may move to
     * @return this builder
     */
    @SafeVarargs
    public final Builder<S> allow(S from, S... to) {
      for (S target : to) {
        moves.get(from).add(target);
      }
      return this;
    }

    /**
     * Sets what a refused move's message adds: what to do instead.
     *
     * @param value gives, for a refused move from a state to another, the advice, or {@code ""} for none
     * @return this builder
     */
    public Builder<S> hint(BiFunction<S, S, String> value) {
      this.hint = Arguments.requireNonNull(value, "hint");
      return this;
    }

    /**
     * Builds the lifecycle.
     *
     * @return the immutable table
     */
    public Lifecycle<S> build() {
      Map<S, Set<S>> copy = new EnumMap<>(moves);
      copy.replaceAll((state, next) -> Collections.unmodifiableSet(EnumSet.copyOf(next)));
      return new Lifecycle<>(Collections.unmodifiableMap(copy), hint);
    }
  }
}

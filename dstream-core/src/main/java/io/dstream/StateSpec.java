package io.dstream;

import io.dstream.checkpoint.internal.Arguments;
import io.dstream.function.Function3;
import io.dstream.function.Function4;
import io.dstream.internal.state.StateMappingFunction;
import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.PairRDD;
import io.dstream.rdd.Partitioner;
import java.util.Optional;

/**
 * Everything {@link PairDStream#mapWithState} needs: the mapping function, and optionally the initial
 * state, the partitioning of the state, and the idle timeout after which a key's state is dropped. The
 * counterpart of Spark's {@code StateSpec}. Immutable: each setter returns a new spec, so one spec may serve
 * several streams.
 *
 * <pre>{@code
 * StateSpec<String, Integer, Long, Tuple2<String, Long>> spec = StateSpec
 *     .function((String word, Optional<Integer> one, State<Long> state) -> {
 *       long sum = one.orElse(0) + state.getOption().orElse(0L);
 *       state.update(sum);
 *       return new Tuple2<>(word, sum);
 *     })
 *     .numPartitions(4)
 *     .timeout(Durations.minutes(30));
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 * @param <T> the type of the records the mapping function returns
 */
public final class StateSpec<K, V, S, T> {
  private final StateMappingFunction<K, V, S, T> function;
  private final PairRDD<K, S> initialState;
  private final Partitioner partitioner;
  private final Duration timeout;

  private StateSpec(StateMappingFunction<K, V, S, T> function, PairRDD<K, S> initialState,
      Partitioner partitioner, Duration timeout) {
    this.function = function;
    this.initialState = initialState;
    this.partitioner = partitioner;
    this.timeout = timeout;
  }

  /**
   * Returns a spec whose function maps each record, with its key's state, to one record of the mapped
   * stream (null included, as returned).
   *
   * <pre>{@code
   * StateSpec<String, Integer, Integer, String> spec = StateSpec.function(
   *     (String key, Optional<Integer> value, State<Integer> state) -> {
   *       int total = value.orElse(0) + state.getOption().orElse(0);
   *       state.update(total);
   *       return key + "=" + total;
   *     });
   * }</pre>
   *
   * @param mappingFunction called with the key, the record's value ({@code Optional.empty()} when the key is
   *     timing out) and the key's state
   * @param <K> the key type
   * @param <V> the value type
   * @param <S> the state type
   * @param <T> the mapped record type
   * @return the spec
   * @throws NullPointerException if the function is null
   */
  public static <K, V, S, T> StateSpec<K, V, S, T> function(
      Function3<K, Optional<V>, State<S>, T> mappingFunction) {
    Arguments.requireNonNull(mappingFunction, "mappingFunction");
    return new StateSpec<>((time, key, value, state, mapped) -> mapped.add(mappingFunction.call(key, value, state)),
        null, null, null);
  }

  /**
   * Returns a spec whose function also receives the batch time, and may map a record to nothing.
   *
   * <pre>{@code
   * // Emits a word only the first time it is seen.
   * StateSpec<String, Integer, Boolean, String> firstSightings = StateSpec.function(
   *     (Time time, String word, Optional<Integer> one, State<Boolean> seen) -> {
   *       if (seen.exists()) {
   *         return Optional.<String>empty();
   *       }
   *       seen.update(true);
   *       return Optional.of(word + " first seen at " + time);
   *     });
   * }</pre>
   *
   * @param mappingFunction called with the batch time, the key, the record's value ({@code Optional.empty()}
   *     when timing out) and the key's state; returns the mapped record, or {@code Optional.empty()} for none
   *     (never null: a null fails the batch with an {@link IllegalStateException})
   * @param <K> the key type
   * @param <V> the value type
   * @param <S> the state type
   * @param <T> the mapped record type
   * @return the spec
   * @throws NullPointerException if the function is null
   */
  public static <K, V, S, T> StateSpec<K, V, S, T> function(
      Function4<Time, K, Optional<V>, State<S>, Optional<T>> mappingFunction) {
    Arguments.requireNonNull(mappingFunction, "mappingFunction");
    return new StateSpec<>((time, key, value, state, mapped) -> {
      Optional<T> result = mappingFunction.call(time, key, value, state);
      if (result == null) {
        throw new IllegalStateException("the mapWithState function returned null for the key " + key
            + " at " + time + "; return Optional.empty() to map a record to nothing");
      }
      result.ifPresent(mapped::add);
    }, null, null, null);
  }

  /**
   * Returns a spec that starts from an initial state: the keys and states of an RDD, as if they had been set
   * before the first batch (their timeout, if any, counts from the first batch).
   *
   * <pre>{@code
   * PairRDD<String, Long> yesterday = ssc.parallelizePairs(List.of(new Tuple2<>("dstream", 42L)));
   * StateSpec<String, Integer, Long, Tuple2<String, Long>> resumed = spec.initialState(yesterday);
   * }</pre>
   *
   * @param rdd the initial state, one record per key (a key given twice keeps one of its states)
   * @return the new spec
   * @throws NullPointerException if the RDD is null
   */
  public StateSpec<K, V, S, T> initialState(PairRDD<K, S> rdd) {
    return new StateSpec<>(function, Arguments.requireNonNull(rdd, "rdd"), partitioner, timeout);
  }

  /**
   * Returns a spec that keeps the state in a number of hash partitions (by default, the context's default
   * parallelism).
   *
   * @param numPartitions the number of partitions
   * @return the new spec
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public StateSpec<K, V, S, T> numPartitions(int numPartitions) {
    return partitioner(new HashPartitioner(numPartitions));
  }

  /**
   * Returns a spec that places the state's keys with a partitioner; each batch's records are shuffled to
   * it, unless already partitioned so.
   *
   * @param partitioner where keys go
   * @return the new spec
   * @throws NullPointerException if the partitioner is null
   */
  public StateSpec<K, V, S, T> partitioner(Partitioner partitioner) {
    return new StateSpec<>(function, initialState, Arguments.requireNonNull(partitioner, "partitioner"), timeout);
  }

  /**
   * Returns a spec that drops the state of keys idle for longer than a duration: in the first batch at
   * which no record has come for a key for longer than {@code idleDuration}, the mapping function is called
   * once more for it, with no value and {@link State#isTimingOut()} true, and the state is removed. Finding
   * idle keys looks at every key's state in every batch, so a timeout costs a scan of the state per batch.
   *
   * <pre>{@code
   * StateSpec<String, Integer, Long, Tuple2<String, Long>> sessions = spec.timeout(Durations.minutes(30));
   * }</pre>
   *
   * @param idleDuration how long a key may go without records
   * @return the new spec
   * @throws IllegalArgumentException if the duration is not positive
   * @throws NullPointerException if it is null
   */
  public StateSpec<K, V, S, T> timeout(Duration idleDuration) {
    Arguments.requireNonNull(idleDuration, "idleDuration");
    if (idleDuration.milliseconds() <= 0) {
      throw new IllegalArgumentException("the state timeout " + idleDuration + " is not positive; give how long "
          + "a key may go without data before its state is removed, such as Durations.minutes(30)");
    }
    return new StateSpec<>(function, initialState, partitioner, idleDuration);
  }

  StateMappingFunction<K, V, S, T> mappingFunction() {
    return function;
  }

  Optional<PairRDD<K, S>> getInitialState() {
    return Optional.ofNullable(initialState);
  }

  Optional<Partitioner> getPartitioner() {
    return Optional.ofNullable(partitioner);
  }

  Optional<Duration> getTimeout() {
    return Optional.ofNullable(timeout);
  }

  @Override
  public String toString() {
    return "StateSpec(partitioner " + (partitioner == null ? "default" : partitioner) + ", timeout "
        + (timeout == null ? "none" : timeout) + (initialState == null ? "" : ", with an initial state") + ")";
  }
}

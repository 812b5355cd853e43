package io.dstream.benchmarks.jmh;

import io.dstream.benchmarks.ZipfWordStream;
import io.dstream.internal.state.GroupedValues;
import io.dstream.internal.state.StateTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot piece of W3's state step, per word, on one thread: grouping a batch of {@value #WORDS} Zipf words
 * (fresh strings, as a split makes them) by key against a state that holds every word of the vocabulary, and
 * handing each key its values. {@code stateTable} is what {@code updateStateByKey} does now (find or add the
 * key's entry in a copy of the previous {@link StateTable}, group the values by entry in flat arrays with
 * {@link GroupedValues}, read every entry's values); {@code hashMapOfLists} is what it did before (a
 * {@code HashMap} of one {@code ArrayList} per key, then one removal per key of a previous state kept as a
 * list of records). Run with {@code -prof gc} for the bytes allocated per word.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StateTableBenchmark {
  private static final int WORDS = 500_000;

  /** The vocabulary: W3's 10,000 and 1,000,000 words. */
  @Param({"10000", "1000000"})
  public int vocabulary;

  private String[] words;
  private StateTable<String, Long> previous;
  private List<String> previousKeys;

  /** Draws the words and fills the previous state with every word of the vocabulary. */
  @Setup(Level.Trial)
  public void setUp() {
    ZipfWordStream stream = new ZipfWordStream(vocabulary);
    List<String> drawn = new ArrayList<>(WORDS);
    while (drawn.size() < WORDS) {
      for (String line : stream.nextBatch(1_000)) {
        for (String word : line.split(" ")) {
          drawn.add(word);
        }
      }
    }
    words = drawn.subList(0, WORDS).toArray(new String[0]);
    previous = StateTable.withRoomFor(vocabulary);
    previousKeys = new ArrayList<>(vocabulary);
    for (int rank = 0; rank < vocabulary; rank++) {
      String word = "w" + rank;
      previous.setStateAt(previous.findOrAdd(word), 1L);
      previousKeys.add(word);
    }
  }

  /**
   * Groups the words with a copy of the state table and reads every entry's values.
   *
   * @return a value that depends on every group
   */
  @Benchmark
  @OperationsPerInvocation(WORDS)
  public long stateTable() {
    StateTable<String, Long> state = previous.copy();
    GroupedValues<String> grouped = new GroupedValues<>(WORDS);
    for (String word : words) {
      grouped.add(state.findOrAdd(new String(word)), word);
    }
    grouped.group(state.size());
    long values = 0;
    for (int entry = 0; entry < state.size(); entry++) {
      values += grouped.valuesOf(entry).size();
    }
    return values;
  }

  /**
   * Groups the words in a {@code HashMap} of lists and takes each previous key's list out of it.
   *
   * @return a value that depends on every group
   */
  @Benchmark
  @OperationsPerInvocation(WORDS)
  public long hashMapOfLists() {
    Map<String, List<String>> grouped = new HashMap<>();
    for (String word : words) {
      grouped.computeIfAbsent(new String(word), key -> new ArrayList<>(1)).add(word);
    }
    long values = 0;
    for (String key : previousKeys) {
      List<String> list = grouped.remove(key);
      values += list == null ? 0 : list.size();
    }
    return values;
  }
}

package io.dstream;

import static io.dstream.PlainWindows.windows;
import static io.dstream.TestData.perBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.function.Function2;
import io.dstream.internal.EngineKryoRegistrator;
import io.dstream.internal.rdd.ValueCopier;
import io.dstream.internal.state.KeyWindow;
import io.dstream.internal.state.KeyWindowRules;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * By-key windows in a scale-out application, kept as a state per key in the partitions of their keys
 * ({@link io.dstream.internal.stream.KeyedWindowStreamNode}): two instances (two copies of the pipeline, each with
 * its {@link ScriptedScope scripted scope}) share the changelogs and hand partitions to each other at random
 * batches; together their windows must be exactly the windows one JVM computes over the whole input.
 */
class ScaleOutWindowTest {
  private static final Duration ONE_SECOND = Durations.seconds(1);

  private final List<TestStreamingContext> contexts = new ArrayList<>();

  @AfterEach
  void close() {
    contexts.forEach(TestStreamingContext::close);
  }

  private TestStreamingContext context(boolean scaleOut) {
    TestStreamingContext t = scaleOut ? ScriptedScope.scaleOutContext() : TestStreamingContext.create(ONE_SECOND);
    contexts.add(t);
    return t;
  }

  /** One random case; the seed replays it. Durations are in batches. */
  record Case(long seed, int batches, int keys, int maxBatchSize, int window, int slide) {
    static Case random(long seed) {
      Random random = new Random(seed);
      return new Case(seed, 8 + random.nextInt(17), 1 + random.nextInt(12), random.nextInt(9),
          1 + random.nextInt(6), 1 + random.nextInt(4));
    }

    /** Positive values, so that a zero sum means that the key has no value in the window. */
    List<List<Tuple2<Integer, Integer>>> input() {
      return perBatch(TestData.randomPairs(seed, batches, maxBatchSize, 0, keys),
          batch -> batch.stream().map(p -> new Tuple2<>(p._1(), p._2() + 1)).toList());
    }

    /** Enough batches for the last windows to slide past the input. */
    int batchesToRun() {
      return batches + window + slide;
    }

    /**
     * Which instance (0 or 1) owns each partition at each batch: a random start, then at a third of the batches
     * one partition moves to the other instance.
     */
    int[][] owners() {
      Random random = new Random(seed + 7);
      int[][] owners = new int[batchesToRun()][4];
      for (int p = 0; p < 4; p++) {
        owners[0][p] = random.nextInt(2);
      }
      for (int b = 1; b < owners.length; b++) {
        owners[b] = owners[b - 1].clone();
        if (random.nextInt(3) == 0) {
          int moved = random.nextInt(4);
          owners[b][moved] = 1 - owners[b][moved];
        }
      }
      return owners;
    }
  }

  static Stream<Case> cases() {
    return LongStream.range(2000, 2025).mapToObj(Case::random);
  }

  /** The four windows each run defines, in the same order, so that the instances' states share changelogs. */
  private record Windows(CollectedOutput<Tuple2<Integer, Integer>> reduced,
      CollectedOutput<Tuple2<Integer, Integer>> inverseFiltered, CollectedOutput<Tuple2<Integer, Integer>> inverse,
      CollectedOutput<Tuple2<Integer, Iterable<Integer>>> grouped) {

    static Windows of(TestStreamingContext t, PairDStream<Integer, Integer> in, Case c) {
      Duration window = Durations.seconds(c.window());
      Duration slide = Durations.seconds(c.slide());
      return new Windows(
          t.collect(in.reduceByKeyAndWindow(Integer::sum, window, slide)),
          t.collect(in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, window, slide, 2, kv -> kv._2() != 0)),
          t.collect(in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, window, slide)),
          t.collect(in.groupByKeyAndWindow(window, slide)));
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void twoInstancesHandingPartitionsOverComputeTheWindowsOfOneJvm(Case c) {
    List<List<Tuple2<Integer, Integer>>> input = c.input();
    int batches = c.batchesToRun();
    TestStreamingContext oneJvm = context(false);
    Windows expected = Windows.of(oneJvm, oneJvm.pairInputStream(input), c);
    oneJvm.runBatches(batches);

    oneJvm.close();

    int[][] owners = c.owners();
    TestStreamingContext t = context(true);
    Map<String, ScriptedScope.MemoryChangelog> changelogs = new ConcurrentHashMap<>();
    List<Windows> results = new ArrayList<>();
    for (int instance = 0; instance < 2; instance++) {
      ScriptedScope scope = new ScriptedScope(changelogs);
      List<List<Tuple2<Integer, Integer>>> ownInput = new ArrayList<>();
      for (int b = 0; b < batches; b++) {
        Set<Integer> owned = new HashSet<>();
        Set<Integer> gained = new HashSet<>();
        for (int p = 0; p < 4; p++) {
          if (owners[b][p] == instance) {
            owned.add(p);
            if (b == 0 || owners[b - 1][p] != instance) {
              gained.add(p);
            }
          }
        }
        scope.own((b + 1) * 1000L, owned, gained);
        List<Tuple2<Integer, Integer>> batch = b < input.size() ? input.get(b) : List.of();
        ownInput.add(batch.stream().filter(pair -> owned.contains(pair._1() % 4)).toList());
      }
      results.add(Windows.of(t, scope.scoped(t, ownInput), c));
    }
    t.runBatches(batches);

    assertThat(union(results, Windows::reduced, TestData::asMap))
        .isEqualTo(perBatch(expected.reduced().batches(), TestData::asMap))
        .isEqualTo(perBatch(windows(input, c.window(), c.slide(), batches),
            records -> TestData.reduceByKey(records, Integer::sum)));
    assertThat(union(results, Windows::inverseFiltered, TestData::asMap))
        .isEqualTo(perBatch(expected.inverseFiltered().batches(), TestData::asMap));
    assertThat(union(results, Windows::inverse, TestData::asMap)).as("keys left at zero included")
        .isEqualTo(perBatch(expected.inverse().batches(), TestData::asMap));
    assertThat(union(results, Windows::grouped, TestData::asSortedGroups))
        .isEqualTo(perBatch(expected.grouped().batches(), TestData::asSortedGroups));
  }

  /** Per window time, the union of the instances' windows, whose keys must not overlap. */
  private static <T, V> List<Map<Integer, V>> union(List<Windows> results,
      Function<Windows, CollectedOutput<T>> output, Function<List<T>, Map<Integer, V>> asMap) {
    List<Map<Integer, V>> union = new ArrayList<>();
    List<List<T>> first = output.apply(results.get(0)).batches();
    List<List<T>> second = output.apply(results.get(1)).batches();
    assertThat(second).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      Map<Integer, V> window = new TreeMap<>(asMap.apply(first.get(i)));
      Map<Integer, V> other = asMap.apply(second.get(i));
      assertThat(window.keySet()).as("keys in both instances' window %d", i).noneMatch(other::containsKey);
      window.putAll(other);
      union.add(window);
    }
    return union;
  }

  @Test
  void aKeyWritesToTheChangelogOnlyWhenABatchEntersOrLeavesItsWindow() {
    TestStreamingContext t = context(true);
    ScriptedScope scope = new ScriptedScope();
    for (long batch = 1000; batch <= 6000; batch += 1000) {
      scope.own(batch, ScriptedScope.ALL, batch == 1000 ? ScriptedScope.ALL : Set.of());
    }
    List<List<Tuple2<Integer, Integer>>> input = List.of(List.of(new Tuple2<>(1, 5), new Tuple2<>(1, 2)),
        List.of(), List.of(new Tuple2<>(2, 1)));
    Duration window = Durations.seconds(3);
    PairDStream<Integer, Integer> in = scope.scoped(t, input);
    in.reduceByKeyAndWindow(Integer::sum, window, ONE_SECOND).print();
    in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, window, ONE_SECOND).print();
    in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, window, ONE_SECOND, 2, kv -> kv._2() != 0).print();

    t.runBatches(6);

    // Named by the order in which the windows' states asked for them: the order the windows were defined in.
    Map<String, ScriptedScope.MemoryChangelog> changelogs = scope.changelogs();
    List<List<String>> writes = List.of(changelogs.get("0").writes, changelogs.get("1").writes,
        changelogs.get("2").writes);
    assertThat(writes.get(0)).as("without an inverse function: the key leaves with its last batch").containsExactly(
        "1000 p1 set {1=[1000=7]} removed []", "3000 p2 set {2=[3000=1]} removed []",
        "4000 p1 set {} removed [1]", "6000 p2 set {} removed [2]");
    assertThat(writes.get(1)).as("with one: the key stays with a zero count").containsExactly(
        "1000 p1 set {1=[1000=7] result 7@1000} removed []", "3000 p2 set {2=[3000=1] result 1@3000} removed []",
        "4000 p1 set {1=[] result 0@4000} removed []", "6000 p2 set {2=[] result 0@6000} removed []");
    assertThat(writes.get(2)).as("with a filter that drops zero counts").containsExactly(
        "1000 p1 set {1=[1000=7] result 7@1000} removed []", "3000 p2 set {2=[3000=1] result 1@3000} removed []",
        "4000 p1 set {} removed [1]", "6000 p2 set {} removed [2]");
  }

  @Test
  void windowsEndOnMultiplesOfTheSlideFromTimeZeroWhenTheInstanceStarted() {
    TestStreamingContext t = context(true);
    ScriptedScope scope = new ScriptedScope();
    for (long batch = 2000; batch <= 5000; batch += 1000) {
      scope.own(batch, ScriptedScope.ALL, batch == 2000 ? ScriptedScope.ALL : Set.of());
    }
    List<Time> windowTimes = new ArrayList<>();
    scope.scoped(t, List.of(List.of(new Tuple2<>(1, 1)), List.of(), List.of(), List.of()))
        .reduceByKeyAndWindow(Integer::sum, Durations.seconds(2), Durations.seconds(2))
        .foreachRDD((rdd, time) -> {
          windowTimes.add(time);
        });
    // Zero time 1000 ms: one JVM would end its windows at 3000 and 5000 ms.
    t.clock().setTime(1000);

    t.runBatches(4);

    assertThat(windowTimes).containsExactly(new Time(2000), new Time(4000));
  }

  /** A multiset difference: {@code all} without one occurrence of each of {@code leaving}'s values. */
  private static List<Integer> without(List<Integer> all, List<Integer> leaving) {
    leaving.forEach(value -> all.remove(value));
    return all;
  }

  @Test
  void aReduceThatModifiesOrReturnsItsArgumentsNeverChangesTheWindowsKeptValues() {
    // Value 0 becomes an empty list.
    List<List<Tuple2<Integer, Integer>>> input = List.of(List.of(new Tuple2<>(1, 0)), List.of(new Tuple2<>(1, 3)),
        List.of(new Tuple2<>(1, 4), new Tuple2<>(1, 5)), List.of(), List.of());
    Function2<List<Integer>, List<Integer>, List<Integer>> concat = (a, b) -> {
      if (a.isEmpty()) {
        return b;
      }
      a.addAll(b);
      return a;
    };
    Duration window = Durations.seconds(3);
    List<List<Map<Integer, List<Integer>>>> runs = new ArrayList<>();
    for (boolean scaleOut : List.of(false, true)) {
      TestStreamingContext t = context(scaleOut);
      ScriptedScope scope = new ScriptedScope();
      for (long batch = 1000; batch <= 5000; batch += 1000) {
        scope.own(batch, ScriptedScope.ALL, batch == 1000 ? ScriptedScope.ALL : Set.of());
      }
      PairDStream<Integer, Integer> in = scaleOut ? scope.scoped(t, input) : t.pairInputStream(input);
      PairDStream<Integer, List<Integer>> lists =
          in.mapValues(value -> new ArrayList<>(value == 0 ? List.of() : List.of(value)));
      PairDStream<Integer, List<Integer>> withInverse =
          lists.reduceByKeyAndWindow(concat, ScaleOutWindowTest::without, window, ONE_SECOND);
      List<CollectedOutput<Tuple2<Integer, List<Integer>>>> outputs = List.of(
          t.collect(lists.reduceByKeyAndWindow(concat, window, ONE_SECOND)), t.collect(withInverse));
      // A function downstream that modifies the window's values.
      withInverse.foreachRDD(rdd -> rdd.foreach(pair -> pair._2().add(-1)));
      t.runBatches(5);
      t.close();
      for (CollectedOutput<Tuple2<Integer, List<Integer>>> output : outputs) {
        runs.add(perBatch(output.batches(), batch -> TestData.sortGroups(TestData.asMap(batch))));
      }
    }

    List<Map<Integer, List<Integer>>> expected = List.of(Map.of(1, List.of()), Map.of(1, List.of(3)),
        Map.of(1, List.of(3, 4, 5)), Map.of(1, List.of(3, 4, 5)), Map.of(1, List.of(4, 5)));
    assertThat(runs).as("one JVM and scale-out, without and with an inverse function")
        .containsExactly(expected, expected, expected, expected);
  }

  @Test
  void aStateAfterAWindowNeedsItToSlideByOneBatch() {
    TestStreamingContext t = context(true);
    ScriptedScope scope = new ScriptedScope();
    for (long batch = 1000; batch <= 2000; batch += 1000) {
      scope.own(batch, ScriptedScope.ALL, batch == 1000 ? ScriptedScope.ALL : Set.of());
    }
    PairDStream<Integer, Integer> in = scope.scoped(t, List.of(List.of(new Tuple2<>(1, 1)), List.of()));
    Function2<List<Integer>, Optional<Integer>, Optional<Integer>> total =
        (values, state) -> Optional.of(state.orElse(0) + values.stream().mapToInt(Integer::intValue).sum());
    CollectedOutput<Tuple2<Integer, Integer>> totals = t.collect(
        in.reduceByKeyAndWindow(Integer::sum, Durations.seconds(2), ONE_SECOND).updateStateByKey(total));
    in.reduceByKeyAndWindow(Integer::sum, Durations.seconds(2), Durations.seconds(2)).updateStateByKey(total)
        .print();

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("updateStateByKey").hasMessageContaining("KafkaUtils.through");
    assertThat(totals.batches()).isEmpty();
  }

  @Test
  void aStateAfterAWindowSlidingByOneBatchFollowsItsPartitions() {
    TestStreamingContext t = context(true);
    ScriptedScope scope = new ScriptedScope();
    for (long batch = 1000; batch <= 2000; batch += 1000) {
      scope.own(batch, ScriptedScope.ALL, batch == 1000 ? ScriptedScope.ALL : Set.of());
    }
    PairDStream<Integer, Integer> in = scope.scoped(t, List.of(List.of(new Tuple2<>(1, 1)), List.of()));
    CollectedOutput<Tuple2<Integer, Integer>> totals = t.collect(
        in.reduceByKeyAndWindow(Integer::sum, Durations.seconds(2), ONE_SECOND).updateStateByKey(
            (List<Integer> values, Optional<Integer> state) ->
                Optional.of(state.orElse(0) + values.stream().mapToInt(Integer::intValue).sum())));

    t.runBatches(2);

    assertThat(totals.batches()).containsExactly(List.of(new Tuple2<>(1, 1)), List.of(new Tuple2<>(1, 2)));
  }

  @Test
  void globalWindowsAreRefusedAtStart() {
    TestStreamingContext t = context(true);
    t.inputStream(List.of(List.of(1))).countByWindow(Durations.seconds(2), ONE_SECOND).print();

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scale-out application 'app'").hasMessageContaining("ScaleOutWindowTest.java");
  }

  @Test
  void namingAWindowNamesItsChangelog() {
    TestStreamingContext t = context(true);
    ScriptedScope scope = new ScriptedScope();
    scope.own(1000, ScriptedScope.ALL, ScriptedScope.ALL);
    scope.scoped(t, List.of(List.of(new Tuple2<>(1, 1)))).reduceByKeyAndWindow(Integer::sum, Durations.seconds(2))
        .name("totals").print();

    t.runBatches(1);

    assertThat(scope.stateKeys()).containsExactly("totals");
  }

  @Test
  void aWindowWhoseKeysDidNotComeThroughATopicIsRefusedAtStartSayingWhatToAdd() {
    TestStreamingContext t = context(true);
    t.pairInputStream(List.of(List.of(new Tuple2<>(1, 1))))
        .groupByKeyAndWindow(Durations.seconds(2)).print();

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scale-out application 'app'")
        .hasMessageContaining("KafkaUtils.through(pairs, \"app-groupByKeyAndWindow-by-key\", kafkaParams)"
            + ".groupByKeyAndWindow(...)");
  }

  @Test
  void aWindowStateSurvivesTheSerializerWithRegistrationRequired() throws Exception {
    KeyWindowRules<String, Integer, Integer> rules = new KeyWindowRules<>(Durations.seconds(3), time -> true,
        KeyWindowRules.Combining.reducing(Integer::sum, (a, b) -> a - b, new ValueCopier(
            EngineKryoRegistrator.defaultSerializer(), false)), null);
    KeyWindow<Integer> state = rules.update(new Time(1000), "a", List.of(2, 3), Optional.empty()).orElseThrow();
    state = rules.update(new Time(2000), "a", List.of(4), Optional.of(state)).orElseThrow();
    KryoSerializer serializer = new KryoSerializer(true, null, new EngineKryoRegistrator());

    KeyWindow<Integer> read = serializer.deserialize(serializer.serialize(state));

    assertThat(read).hasToString("[1000=5, 2000=4] result 9@2000").hasToString(state.toString());
    assertThat(rules.resultOf("a", read)).isEqualTo(new Tuple2<>("a", 9));
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.internal.Arguments;
import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.DoubleRDD;
import io.dstream.rdd.PairRDD;
import io.dstream.rdd.Partitioner;
import io.dstream.rdd.RDD;
import io.dstream.rdd.StatCounter;
import io.dstream.receiver.Receiver;
import io.dstream.scheduler.StreamingListener;
import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import io.dstream.testing.TestStreamingContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public method and constructor of the user API refuses a null argument where it is given, with a
 * {@link IllegalArgumentException} whose message names the parameter ("f must not be null"), instead of failing later inside the
 * engine (at every batch, or in a retried task). Record values (a parameter whose type is a type variable
 * such as {@code T} or {@code V}) are exempt: records may be null.
 *
 * <p>The test finds the methods by reflection, so a method added later is covered without listing it.
 */
class NullArgumentsTest {
  /**
   * Parameters documented as "or null": a receiver's block metadata, the error of a stop or restart, the key a
   * partitioner places (records, and so keys, may be null), a queue stream's default RDD, an output file
   * suffix, the key filter of an incremental window, and the default of a configuration getter.
   */
  private static final Set<String> NULLABLE = Set.of("Receiver.store.metadata", "Receiver.restart.error",
      "Receiver.stop.error", "Receiver.reportError.error", "HashPartitioner.getPartition.key",
      "StreamingContext.queueStream.defaultRDD", "DStreamLike.saveAsTextFiles.suffix",
      "DStreamLike.saveAsObjectFiles.suffix", "PairDStream.reduceByKeyAndWindow.filterFunc",
      "StreamingConf.get.defaultValue", "StreamingConf.getDuration.defaultValue");

  private final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
  private final StreamingContext ssc = t.context();

  @AfterEach
  void close() {
    t.close();
  }

  @TestFactory
  Stream<DynamicTest> everyPublicMethodRefusesANullArgumentNamingTheParameter() {
    Map<Class<?>, Object> receivers = Map.ofEntries(
        Map.entry(StreamingContext.class, ssc),
        Map.entry(DStream.class, t.inputStream(List.of(List.of(1)))),
        Map.entry(DStreamLike.class, t.inputStream(List.of(List.of(1)))),
        Map.entry(PairDStream.class, pairs()),
        Map.entry(InputDStream.class, ssc.queueStream(new ArrayDeque<RDD<Integer>>())),
        Map.entry(ReceiverInputDStream.class, ssc.receiverStream(new IdleReceiver())),
        Map.entry(MapWithStateDStream.class, pairs().mapWithState(spec())),
        Map.entry(StateSpec.class, spec()),
        Map.entry(StreamingConf.class, new StreamingConf()),
        Map.entry(Duration.class, Durations.seconds(1)),
        Map.entry(Durations.class, Durations.class),
        Map.entry(Time.class, new Time(1000)),
        Map.entry(RDD.class, ssc.parallelize(List.of(1))),
        Map.entry(PairRDD.class, ssc.parallelizePairs(List.of(new Tuple2<>("a", 1)))),
        Map.entry(DoubleRDD.class, ssc.parallelize(List.of(1.0)).mapToDouble(x -> x)),
        Map.entry(StatCounter.class, new StatCounter()),
        Map.entry(HashPartitioner.class, new HashPartitioner(2)),
        Map.entry(TestStreamingContext.class, t),
        Map.entry(Receiver.class, new IdleReceiver()),
        Map.entry(StorageLevel.class, StorageLevel.MEMORY_ONLY),
        Map.entry(BlockId.class, BlockId.stream(0, 1)));
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<Class<?>, Object> entry : receivers.entrySet()) {
      Class<?> type = entry.getKey();
      for (Executable executable : publicExecutables(type)) {
        Parameter[] parameters = executable.getParameters();
        for (int i = 0; i < parameters.length; i++) {
          if (mayBeNull(parameters[i]) || NULLABLE.contains(type.getSimpleName() + "." + executable.getName()
              + "." + parameters[i].getName())) {
            continue;
          }
          int nullAt = i;
          tests.add(DynamicTest.dynamicTest(describe(executable, nullAt),
              () -> assertRefusesNull(executable, entry.getValue(), nullAt)));
        }
      }
    }
    assertThat(tests).as("the API has methods with reference parameters").hasSizeGreaterThan(200);
    return tests.stream();
  }

  private PairDStream<String, Integer> pairs() {
    return t.pairInputStream(List.of(List.of(new Tuple2<>("a", 1))));
  }

  private static StateSpec<String, Integer, Integer, Integer> spec() {
    return StateSpec.function((String key, Optional<Integer> value, State<Integer> state) -> value.orElse(0));
  }

  private static List<Executable> publicExecutables(Class<?> type) {
    List<Executable> found = new ArrayList<>();
    // A package-private base class's public methods are the public class's own (RDD's actions are in RddActions);
    // users reach them through the class, reflection only once made accessible.
    List<Method> methods = new ArrayList<>(List.of(type.getDeclaredMethods()));
    for (Class<?> base = type.getSuperclass(); base != null && !Modifier.isPublic(base.getModifiers());
        base = base.getSuperclass()) {
      for (Method method : base.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers())) {
          method.setAccessible(true);
          methods.add(method);
        }
      }
    }
    for (Method method : methods) {
      boolean isPublic = Modifier.isPublic(method.getModifiers());
      // equals takes null by contract, and compareTo throws NullPointerException by contract.
      boolean contractual = method.getName().equals("equals") || method.getName().equals("compareTo");
      if (isPublic && !method.isSynthetic() && !method.isBridge() && !contractual) {
        found.add(method);
      }
    }
    for (Constructor<?> constructor : type.getConstructors()) {
      found.add(constructor);
    }
    return found;
  }

  /** Primitives cannot be null, and record values may be. */
  private static boolean mayBeNull(Parameter parameter) {
    return parameter.getType().isPrimitive() || parameter.getParameterizedType() instanceof TypeVariable<?>;
  }

  private static String describe(Executable executable, int nullAt) {
    return executable.getDeclaringClass().getSimpleName() + "." + executable.getName() + "("
        + Arrays.stream(executable.getParameters()).map(p -> p.getType().getSimpleName())
            .reduce((a, b) -> a + ", " + b).orElse("")
        + ") with " + executable.getParameters()[nullAt].getName() + " = null";
  }

  private void assertRefusesNull(Executable executable, Object receiver, int nullAt) throws Exception {
    Parameter[] parameters = executable.getParameters();
    Object[] args = new Object[parameters.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = i == nullAt ? null : dummy(parameters[i].getType());
    }
    Throwable thrown = null;
    try {
      if (executable instanceof Method method) {
        method.invoke(Modifier.isStatic(method.getModifiers()) ? null : receiver, args);
      } else {
        ((Constructor<?>) executable).newInstance(args);
      }
    } catch (InvocationTargetException e) {
      thrown = e.getCause();
    }
    assertThat(thrown).as(describe(executable, nullAt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(parameters[nullAt].getName())
        .hasMessageEndingWith(" must not be null");
    assertThat(thrown.getStackTrace()[0].getClassName()).as("refused at once, not inside the engine")
        .isEqualTo(Arguments.class.getName());
  }

  /** A valid, non-null value of a parameter type; functions are never called when a stream is defined. */
  private Object dummy(Class<?> type) {
    if (type == int.class) {
      return 1;
    } else if (type == long.class) {
      return 1L;
    } else if (type == double.class) {
      return 0.5;
    } else if (type == boolean.class) {
      return false;
    } else if (type == String.class) {
      return "memory://null-arguments-test/dir";
    } else if (type == Duration.class) {
      return Durations.seconds(1);
    } else if (type == Time.class) {
      return new Time(1000);
    } else if (type == StreamingConf.class) {
      return new StreamingConf();
    } else if (type == PairDStream.class) {
      return pairs();
    } else if (type == DStream.class) {
      return t.inputStream(List.of(List.of(1)));
    } else if (type == DStream[].class) {
      return new DStream<?>[] {t.inputStream(List.of(List.of(1)))};
    } else if (type == PairRDD.class) {
      return ssc.parallelizePairs(List.of(new Tuple2<>("a", 1)));
    } else if (type == RDD.class) {
      return ssc.parallelize(List.of(1));
    } else if (type == DoubleRDD.class) {
      return ssc.parallelize(List.of(1.0)).mapToDouble(x -> x);
    } else if (type == StatCounter.class) {
      return new StatCounter();
    } else if (type == double[].class) {
      return new double[] {0, 1};
    } else if (type == StateSpec.class) {
      return spec();
    } else if (type == StorageLevel.class) {
      return StorageLevel.MEMORY_ONLY;
    } else if (type == Partitioner.class) {
      return new HashPartitioner(2);
    } else if (type == Receiver.class) {
      return new IdleReceiver();
    } else if (type == StreamingListener.class) {
      return new StreamingListener() { };
    } else if (type == Optional.class) {
      return Optional.empty();
    } else if (type == Throwable.class) {
      return new IllegalStateException("a reported error");
    } else if (type == Class.class) {
      return Object.class;
    } else if (type == Queue.class) {
      return new ArrayDeque<>();
    } else if (type == List.class || type == Collection.class || type == Iterable.class) {
      return List.of();
    } else if (type == Iterator.class) {
      return List.of().iterator();
    } else if (type == Comparator.class) {
      return Comparator.naturalOrder();
    } else if (type == Clock.class) {
      return new io.dstream.testing.ManualClock();
    } else if (type == Object.class) {
      return "a record";
    } else if (type.isInterface() && type.getPackageName().equals("io.dstream.function")) {
      return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
        throw new AssertionError(type.getSimpleName() + " must not be called when a stream is defined");
      });
    }
    throw new AssertionError("no dummy value for a parameter of type " + type.getName()
        + "; add one to NullArgumentsTest.dummy");
  }

  /** A receiver that receives nothing. */
  private static final class IdleReceiver extends Receiver<String> {
    IdleReceiver() {
      super(StorageLevel.MEMORY_ONLY);
    }

    @Override
    public void onStart() {}

    @Override
    public void onStop() {}
  }
}

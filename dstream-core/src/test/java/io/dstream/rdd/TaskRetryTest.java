package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dstream.StreamingConf;
import io.dstream.Tuple2;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failing user functions: a task is retried up to {@code dstream.task.maxFailures} attempts, then the action
 * throws {@link JobFailedException} with the user's own exception as the cause. Nested actions run.
 */
class TaskRetryTest extends RddTestBase {

  @Test
  void aFunctionThatFailsOnItsFirstAttemptsLetsTheJobSucceed() {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> flaky = ssc().parallelize(range(5), 1).map(x -> {
      if (calls.incrementAndGet() <= 3) {
        throw new IllegalStateException("transient failure " + calls.get());
      }
      return x * 2;
    });
    long attempts = tasksRunBy(flaky, () -> assertThat(flaky.collect()).containsExactly(0, 2, 4, 6, 8));
    assertThat(attempts).as("three failed attempts, then one that succeeds (the default allows 4)").isEqualTo(4);
  }

  @Test
  void aFunctionThatAlwaysFailsFailsTheJobAfterMaxFailuresAttemptsWithItsOwnException() {
    useContext(new StreamingConf().setMaster("local[2]").set("dstream.task.maxFailures", "3"));
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException boom = new IllegalStateException("boom");
    RDD<Integer> failing = ssc().parallelize(range(5), 1).map(x -> {
      calls.incrementAndGet();
      throw boom;
    });
    JobFailedException failure = catchThrowableOfType(JobFailedException.class, failing::count);
    assertThat(failure.getCause()).isSameAs(boom);
    assertThat(failure).hasMessageContaining("failed 3 times").hasMessageContaining("boom");
    assertThat(calls).hasValue(3);
  }

  @Test
  void theDefaultIsFourAttempts() {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> failing = ssc().parallelize(range(5), 1).map(x -> {
      calls.incrementAndGet();
      throw new IllegalArgumentException("bad record " + x);
    });
    JobFailedException failure = catchThrowableOfType(JobFailedException.class, failing::collect);
    assertThat(failure.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessage("bad record 0");
    assertThat(calls).hasValue(4);
  }

  @Test
  void aCheckedExceptionIsTheCauseItselfNotAWrapper() {
    useContext(new StreamingConf().setMaster("local[2]").set("dstream.task.maxFailures", "2"));
    IOException io = new IOException("disk gone");
    RDD<Integer> rdd = ssc().parallelize(range(6), 3);
    assertThat(catchThrowableOfType(JobFailedException.class, () -> rdd.map(x -> {
      throw io;
    }).count()).getCause()).as("in a narrow chain").isSameAs(io);
    assertThat(catchThrowableOfType(JobFailedException.class, () -> rdd.foreach(x -> {
      throw io;
    })).getCause()).as("in an action's function").isSameAs(io);
    assertThat(catchThrowableOfType(JobFailedException.class, () -> rdd.mapPartitions(it -> {
      throw io;
    }).count()).getCause()).as("in mapPartitions").isSameAs(io);
  }

  @Test
  void failuresInEveryKindOfUserFunctionSurfaceAsTheCause() {
    useContext(new StreamingConf().setMaster("local[2]").set("dstream.task.maxFailures", "1"));
    Exception checked = new Exception("checked");
    PairRDD<Integer, Integer> pairs = ssc().parallelize(range(40), 4).mapToPair(x -> new Tuple2<>(x % 5, x));
    List<Runnable> actions = List.of(
        () -> pairs.reduceByKey((a, b) -> {
          throw checked;
        }).collect(),
        () -> pairs.combineByKey(v -> v, (c, v) -> c + v, (a, b) -> {
          throw checked;
        }, 2).collect(),
        () -> pairs.combineByKey(v -> {
          throw checked;
        }, (c, v) -> c + v, Integer::sum, new HashPartitioner(2), false).collect(),
        () -> pairs.aggregateByKey(0, (acc, v) -> {
          throw checked;
        }, Integer::sum).collect(),
        () -> pairs.filter(kv -> {
          throw checked;
        }).count(),
        () -> pairs.flatMapValues(v -> {
          throw checked;
        }).count(),
        () -> pairs.sortByKey().mapValues(v -> {
          throw checked;
        }).count(),
        () -> pairs.values().reduce((a, b) -> {
          throw checked;
        }),
        () -> pairs.values().aggregate(0, Integer::sum, (a, b) -> {
          throw checked;
        }));
    for (int i = 0; i < actions.size(); i++) {
      assertThat(catchThrowableOfType(JobFailedException.class, actions.get(i)::run).getCause())
          .as("action %d", i).isSameAs(checked);
    }
  }

  @Test
  void aFailureInAMapStageIsRetriedToo() {
    AtomicInteger calls = new AtomicInteger();
    PairRDD<Integer, Integer> reduced = ssc().parallelize(range(20), 2).mapToPair(x -> {
      if (x == 13 && calls.incrementAndGet() == 1) {
        throw new IllegalStateException("first attempt fails");
      }
      return new Tuple2<>(x % 2, x);
    }).reduceByKey(Integer::sum);
    assertThat(PlainJava.uniqueKeys(reduced.collect())).containsOnly(
        Map.entry(0, 90), Map.entry(1, 100));
    assertThat(calls).hasValue(2);
  }

  @Test
  void aRetriedTaskStartsFromAFreshCopyOfAMutableZero() {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> rdd = ssc().parallelize(List.of(1, 2, 3), 1);
    List<Integer> collected = rdd.aggregate(new ArrayList<Integer>(), (list, x) -> {
      list.add(x);
      if (x == 2 && calls.incrementAndGet() == 1) {
        throw new IllegalStateException("fails after adding to the accumulator");
      }
      return list;
    }, (a, b) -> {
      a.addAll(b);
      return a;
    });
    assertThat(collected).containsExactly(1, 2, 3);
  }

  @Test
  @Timeout(60) // guards against a hang: a deadlock would otherwise block the build forever
  void aNestedActionInsideATaskDoesNotDeadlockWithOneWorker() {
    useContext(new StreamingConf().setMaster("local[1]"));
    RDD<Integer> inner = ssc().parallelize(range(10), 3);
    PairRDD<Integer, Integer> innerShuffled = inner.mapToPair(x -> new Tuple2<>(x % 2, x)).reduceByKey(Integer::sum);
    RDD<Long> outer = ssc().parallelize(range(4), 2).map(x -> x + inner.count() + innerShuffled.count());
    assertThat(outer.collect()).containsExactly(12L, 13L, 14L, 15L);
    RDD<Integer> nestedFailure = ssc().parallelize(range(2), 2).map(x -> inner.map(y -> 1 / (y - y)).count())
        .map(Long::intValue);
    assertThat(catchThrowableOfType(JobFailedException.class, nestedFailure::collect).getCause())
        .as("the nested job's failure is the outer user function's exception").isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(ArithmeticException.class);
  }
}

package io.dstream.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.ConfigKeys;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.TaskContext;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * A load whose task fails: a retried attempt loads its partition once (nothing of the failed attempt stays), and a
 * load that fails for good leaves no table behind and throws its own error, even when the table cannot be dropped.
 */
class LoadFailureTest extends SessionTest {
  private static final List<Integer> NUMBERS = IntStream.range(0, 1000).boxed().toList();

  /** Thrown by the test's map function in the attempts it fails. */
  private static final class InjectedFailure extends RuntimeException {
    InjectedFailure(String message) {
      super(message);
    }
  }

  private RDD<Integer> numbersFailingAt700(int failingAttempts) {
    return ssc.context().parallelize(NUMBERS, 2).map(n -> {
      if (n == 700 && TaskContext.get().attemptNumber() < failingAttempts) {
        throw new InjectedFailure("record 700 in attempt " + TaskContext.get().attemptNumber());
      }
      return n;
    });
  }

  private long tables() {
    return (Long) session.engine().query("select count(*) from duckdb_tables()").rows().get(0)[0];
  }

  @Test
  void aTaskRetriedAfterFailingHalfWayLoadsItsPartitionOnce() {
    DataFrame numbers = session.toDF(numbersFailingAt700(1), Integer.class, "n");

    assertThat(numbers.count()).isEqualTo(NUMBERS.size());
    List<Integer> loaded = new ArrayList<>();
    numbers.orderBy("n").collectAsList().forEach(row -> loaded.add(row.getInt(0)));
    assertThat(loaded).isEqualTo(NUMBERS);
  }

  @Test
  void aLoadThatFailsInEveryAttemptLeavesNoTable() {
    long before = tables();

    assertThatThrownBy(() -> session.toDF(numbersFailingAt700(Integer.MAX_VALUE), Integer.class, "n"))
        .hasRootCauseInstanceOf(InjectedFailure.class);
    assertThat(tables()).isEqualTo(before);
  }

  @Test
  void aLoadFailureIsThrownEvenWhenDroppingItsTableFails() {
    StreamingConf oneAttempt = new StreamingConf().setMaster("local[2]")
        .set(ConfigKeys.TASK_MAX_FAILURES.name(), "1");
    try (TestStreamingContext stopping = TestStreamingContext.create(Durations.seconds(1), oneAttempt)) {
      SqlSession closing = SqlSession.getOrCreate(stopping.context());
      RDD<Integer> numbers = stopping.context().parallelize(NUMBERS, 2).map(n -> {
        if (n == 700) {
          closing.close(); // as a context stopping during the load: the table can no longer be dropped
          throw new InjectedFailure("record 700");
        }
        return n;
      });

      assertThatThrownBy(() -> closing.toDF(numbers, Integer.class, "n"))
          .hasRootCauseInstanceOf(InjectedFailure.class)
          .satisfies(e -> assertThat(e.getSuppressed()).singleElement().asInstanceOf(
              InstanceOfAssertFactories.THROWABLE).hasMessageContaining("the SqlSession is closed"));
    }
  }
}

package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.StreamingConf;
import io.dstream.Tuple2;
import io.dstream.function.Function;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user function that returns something the engine cannot use, or an argument that is missing, fails with
 * a message that names the problem, never with a NullPointerException from inside the engine.
 */
class BadUserFunctionResultsTest extends RddTestBase {

  private RDD<Integer> numbers() {
    useContext(new StreamingConf().setMaster("local[2]").set("dstream.task.maxFailures", "1"));
    return ssc().parallelize(range(6), 2);
  }

  @Test
  void aFilterReturningNullFailsTheJobNamingTheRecord() {
    RDD<Integer> filtered = numbers().filter(x -> x == 3 ? null : true);

    assertThatThrownBy(filtered::collect).isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("filter function returned null for the record 3").hasMessageContaining("true or false");
  }

  @Test
  void aNullPairFromMapToPairFailsTheShuffleWithAMessage() {
    PairRDD<Integer, Integer> pairs = numbers().mapToPair(x -> x == 2 ? null : new Tuple2<>(x, x));

    assertThatThrownBy(() -> pairs.reduceByKey(Integer::sum).collect()).isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("must not return null pairs");
    assertThatThrownBy(() -> pairs.join(pairs).collect()).isInstanceOf(JobFailedException.class)
        .cause().hasMessageContaining("must not return null pairs");
  }

  @Test
  void aPartitionerReturningAnIndexOutOfRangeIsNamed() {
    Partitioner broken = new Partitioner() {
      @Override
      public int numPartitions() {
        return 2;
      }

      @Override
      public int getPartition(Object key) {
        return 5;
      }
    };
    PairRDD<Integer, Integer> pairs = numbers().mapToPair(x -> new Tuple2<>(x, 1));

    assertThatThrownBy(() -> pairs.partitionBy(broken).collect()).isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in partition 5, outside [0, 2)").hasMessageContaining("getPartition must return");
  }

  @Test
  void nullFunctionsAndPartitionersAreRefusedWhereTheOperationIsDefined() {
    RDD<Integer> rdd = numbers();
    PairRDD<Integer, Integer> pairs = rdd.mapToPair(x -> new Tuple2<>(x, 1));

    assertThatThrownBy(() -> rdd.map((Function<Integer, Integer>) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("f must not be null");
    assertThatThrownBy(() -> rdd.filter(null)).hasMessage("f must not be null");
    assertThatThrownBy(() -> pairs.reduceByKey((Partitioner) null, Integer::sum))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("partitioner must not be null");
    assertThatThrownBy(() -> pairs.join(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("other must not be null");
  }

  @Test
  void removingThroughTheIteratorCannotEraseCachedOrParallelizedRecords() {
    RDD<Integer> source = numbers();
    RDD<Integer> cached = source.map(x -> x).cache();
    cached.count();

    RDD<Integer> remover = cached.mapPartitions(it -> tryToDrain(it));
    RDD<Integer> sourceRemover = source.mapPartitions(it -> tryToDrain(it));

    assertThatThrownBy(remover::collect).cause().isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(sourceRemover::collect).cause().isInstanceOf(UnsupportedOperationException.class);
    assertThat(cached.collect()).containsExactlyElementsOf(range(6));
    assertThat(source.collect()).containsExactlyElementsOf(range(6));
  }

  @Test
  void aNullValueThatTheReduceFunctionCannotTakeFailsNamingTheFunctionAndTheKey() {
    PairRDD<String, Integer> pairs = numbers().mapToPair(x -> new Tuple2<>(x % 2 == 0 ? "even" : "odd",
        x == 3 ? null : x));

    assertThatThrownBy(() -> pairs.reduceByKey(Integer::sum).collect())
        .isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the reduce function threw java.lang.NullPointerException")
        .hasMessageContaining("for the key odd with a null argument")
        .hasCauseInstanceOf(NullPointerException.class);
  }

  private static Iterator<Integer> tryToDrain(Iterator<Integer> it) {
    List<Integer> seen = new ArrayList<>();
    while (it.hasNext()) {
      seen.add(it.next());
      it.remove();
    }
    return seen.iterator();
  }
}

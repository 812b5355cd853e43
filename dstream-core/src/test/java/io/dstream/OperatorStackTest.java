package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.NarrowDependency;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.stream.StreamNode;
import io.dstream.rdd.Partitioner;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Generating a batch goes from a stream operator straight to the RDD operation, as Spark's
 * {@code MappedDStream.compute} does: a stack trace taken while a by-key operator builds its batch names the
 * operator, with no layers of lambdas between the stream and the RDD operation.
 */
class OperatorStackTest {

  /** Passes its parent's batches through, each in a node that records who asks for its partitioner. */
  private static final class RecordingStream<T> extends PassThroughStreamNode<T> {
    private final List<StackTraceElement[]> stacks;

    RecordingStream(StreamNode<T> parent, List<StackTraceElement[]> stacks) {
      super(parent);
      this.stacks = stacks;
    }

    @Override
    protected RddNode<T> compute(Time time) throws Exception {
      RddNode<T> batch = super.compute(time);
      return batch == null ? null : new RecordingNode<>(batch, stacks);
    }

    @Override
    public String operationName() {
      return "recording";
    }
  }

  private static final class RecordingNode<T> extends RddNode<T> {
    private final RddNode<T> parent;
    private final List<StackTraceElement[]> stacks;

    RecordingNode(RddNode<T> parent, List<StackTraceElement[]> stacks) {
      super(parent.engine());
      this.parent = parent;
      this.stacks = stacks;
    }

    @Override
    public int numPartitions() {
      return parent.numPartitions();
    }

    @Override
    public List<Dependency> dependencies() {
      return List.of(new NarrowDependency(parent));
    }

    @Override
    protected Iterator<T> compute(int partition) {
      return parent.iterator(partition);
    }

    @Override
    public Partitioner partitioner() {
      stacks.add(new Throwable().getStackTrace());
      return parent.partitioner();
    }
  }

  /** Returns the frames of a stack above the first stream that asked for its parent's batch. */
  private static List<String> framesBelowStream(StackTraceElement[] stack) {
    List<String> frames = new ArrayList<>();
    for (StackTraceElement frame : stack) {
      frames.add(frame.getClassName() + "." + frame.getMethodName());
      if (frame.getClassName().equals(StreamNode.class.getName()) && frame.getMethodName().equals("getOrCompute")) {
        return frames;
      }
    }
    return List.of();
  }

  @Test
  void aByKeyOperatorBuildsItsBatchWithoutLambdasBetweenTheStreamAndTheRddOperation() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      PairDStream<String, Integer> in = t.pairInputStream(List.of(List.of(new Tuple2<>("a", 1), new Tuple2<>("a", 2))));
      List<StackTraceElement[]> stacks = new CopyOnWriteArrayList<>();
      PairDStream<String, Integer> recorded =
          PairDStream.fromDStream(new DStream<>(t.context(), new RecordingStream<>(in.node, stacks)));
      CollectedOutput<Tuple2<String, Integer>> out = t.collect(recorded.reduceByKey(Integer::sum));

      t.runBatches(1);

      assertThat(out.batches()).containsExactly(List.of(new Tuple2<>("a", 3)));
      List<List<String>> generation = stacks.stream().map(OperatorStackTest::framesBelowStream)
          .filter(frames -> !frames.isEmpty()).toList();
      assertThat(generation).as("stacks of generating the reduced batch").isNotEmpty();
      for (List<String> frames : generation) {
        assertThat(frames).noneMatch(frame -> frame.contains("lambda$"))
            .anyMatch(frame -> frame.endsWith("CombinedByKeyStreamNode.apply"));
      }
    }
  }
}

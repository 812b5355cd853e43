package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dstream.rdd.JobFailedException;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.OutputOperationInfo;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobFailureTest {
  private static final List<List<Integer>> THREE_BATCHES = List.of(List.of(1, 2), List.of(3), List.of(4, 5));

  private final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void anUncheckedExceptionInAMapFailsTheBatchWithItAsTheCause() {
    IllegalStateException boom = new IllegalStateException("boom");
    t.collect(t.inputStream(THREE_BATCHES).map(x -> {
      throw boom;
    }));

    JobFailedException failure = catchThrowableOfType(JobFailedException.class, () -> t.runBatches(1));

    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).isSameAs(boom);
  }

  @Test
  void aCheckedExceptionInAMapFailsTheBatchWithItAsTheCause() {
    IOException diskFull = new IOException("disk full");
    t.collect(t.inputStream(THREE_BATCHES).map(x -> {
      throw diskFull;
    }));

    JobFailedException failure = catchThrowableOfType(JobFailedException.class, () -> t.runBatches(1));

    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).isSameAs(diskFull);
  }

  @Test
  void awaitTerminationRethrowsTheFailure() {
    IllegalArgumentException bad = new IllegalArgumentException("bad record");
    t.collect(t.inputStream(THREE_BATCHES).filter(x -> {
      throw bad;
    }));
    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class);

    assertThatThrownBy(() -> t.context().awaitTerminationOrTimeout(0))
        .isInstanceOf(JobFailedException.class).hasCause(bad);
    assertThatThrownBy(() -> t.context().awaitTermination())
        .isInstanceOf(JobFailedException.class)
        .satisfies(e -> assertThat(e.getCause()).isSameAs(bad));
  }

  @Test
  void aWaitingAwaitTerminationWakesUpWithTheFailure() throws Exception {
    IllegalStateException boom = new IllegalStateException("boom");
    t.collect(t.inputStream(THREE_BATCHES).map(x -> {
      throw boom;
    }));
    t.runBatches(0);
    CountDownLatch awaiting = new CountDownLatch(1);
    CompletableFuture<Void> terminated = CompletableFuture.runAsync(() -> {
      try {
        awaiting.countDown();
        t.context().awaitTermination();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(awaiting.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class);

    assertThatThrownBy(() -> terminated.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(JobFailedException.class).cause().isSameAs(boom);
  }

  @Test
  void laterBatchesStillRunAfterAFailedBatch() {
    CollectedOutput<Integer> out = t.collect(t.inputStream(THREE_BATCHES).map(x -> {
      if (x == 1) {
        throw new IllegalStateException("poison record");
      }
      return x * 10;
    }));

    assertThatThrownBy(() -> t.runBatches(1))
        .isInstanceOf(JobFailedException.class)
        .satisfies(e -> assertThat(e.getCause()).hasMessage("poison record"));
    t.runBatches(2);

    assertThat(out.batches()).containsExactly(List.of(30), List.of(40, 50));
    assertThat(t.context().getState()).isEqualTo(StreamingContextState.ACTIVE);
  }

  @Test
  void otherOutputOperationsOfTheFailedBatchStillRun() {
    DStream<Integer> in = t.inputStream(THREE_BATCHES);
    CollectedOutput<Integer> before = t.collect(in);
    in.foreachRDD(rdd -> {
      throw new IllegalStateException("middle output fails");
    });
    CollectedOutput<Integer> after = t.collect(in.map(x -> -x));

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class);

    assertThat(before.batches()).containsExactly(List.of(1, 2));
    assertThat(after.batches()).containsExactly(List.of(-1, -2));
  }

  @Test
  void anExceptionThrownDirectlyInForeachRddIsTheCause() {
    IOException thrown = new IOException("sink unavailable");
    t.inputStream(THREE_BATCHES).foreachRDD(rdd -> {
      throw thrown;
    });

    JobFailedException failure = catchThrowableOfType(JobFailedException.class, () -> t.runBatches(1));

    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).isSameAs(thrown);
    assertThat(failure.getMessage()).contains("foreachRDD at JobFailureTest.java").contains("1000 ms");
  }

  @Test
  void anExceptionOfATransformFunctionRunAtJobGenerationIsTheCause() {
    IOException thrown = new IOException("lookup table missing");
    CollectedOutput<Integer> out = t.collect(t.inputStream(THREE_BATCHES).transform((rdd, time) -> {
      if (time.equals(new Time(1000))) {
        throw thrown;
      }
      return rdd;
    }));

    JobFailedException failure = catchThrowableOfType(JobFailedException.class, () -> t.runBatches(1));

    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).isSameAs(thrown);
    assertThat(failure.getMessage()).contains("1000 ms");
    assertThatThrownBy(() -> t.context().awaitTerminationOrTimeout(0)).isSameAs(failure);

    t.runBatches(1);
    assertThat(out.batches()).containsExactly(List.of(3));
  }

  @Test
  void listenersSeeTheUsersExceptionOnTheFailedOutputOperation() {
    RecordingListener listener = new RecordingListener();
    t.context().addStreamingListener(listener);
    IllegalStateException boom = new IllegalStateException("boom");
    DStream<Integer> in = t.inputStream(THREE_BATCHES);
    t.collect(in);
    t.collect(in.map(x -> {
      throw boom;
    }));

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class);

    List<OutputOperationInfo> outputs = listener.completedOutputOperations();
    assertThat(outputs).hasSize(2);
    assertThat(outputs.get(0).failure()).isEmpty();
    assertThat(outputs.get(0).failureReason()).isEmpty();
    assertThat(outputs.get(1).failure()).containsSame(boom);
    assertThat(outputs.get(1).failureReason()).contains("java.lang.IllegalStateException: boom");
    BatchInfo batch = listener.completedBatches().get(0);
    assertThat(batch.hasFailure()).isTrue();
    assertThat(batch.outputOperationInfos().get(1).failure()).containsSame(boom);
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dstream.rdd.JobFailedException;
import io.dstream.receiver.Receiver;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.storage.StorageLevel;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's one failure rule: what user code throws fails its batch and the context goes on; a
 * {@link VirtualMachineError}, wherever it is thrown, ends the context and {@code awaitTermination}
 * rethrows it.
 */
class FailurePolicyTest {
  private static final long WAIT_MILLIS = 30_000;
  private static final List<List<Integer>> ONE_RECORD_BATCHES = List.of(List.of(1), List.of(2), List.of(3));

  private final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void anOutOfMemoryErrorInAFunctionIsNotRetriedEndsTheContextAndIsRethrownByAwaitTermination() {
    OutOfMemoryError oom = new OutOfMemoryError("simulated: no heap left in a map function");
    AtomicInteger calls = new AtomicInteger();
    t.collect(t.inputStream(ONE_RECORD_BATCHES).map(x -> {
      calls.incrementAndGet();
      throw oom;
    }));

    catchThrowable(() -> t.runBatches(1));

    assertContextEndedBy(oom);
    assertThat(calls).as("a fatal error is not retried").hasValue(1);
  }

  @Test
  void anOutOfMemoryErrorThatAFunctionWrappedIsFatalToo() {
    OutOfMemoryError oom = new OutOfMemoryError("simulated: no heap left, wrapped by the user's code");
    AtomicInteger calls = new AtomicInteger();
    t.collect(t.inputStream(ONE_RECORD_BATCHES).map(x -> {
      calls.incrementAndGet();
      throw new IllegalStateException("could not build the record", oom);
    }));

    catchThrowable(() -> t.runBatches(1));

    assertContextEndedBy(oom);
    assertThat(calls).as("a fatal error is not retried").hasValue(1);
  }

  @Test
  void anAssertionErrorInAFunctionIsRetriedAndFailsOnlyItsBatch() {
    AtomicInteger calls = new AtomicInteger();
    CollectedOutput<Integer> out = t.collect(t.inputStream(ONE_RECORD_BATCHES).map(x -> {
      if (x == 1) {
        calls.incrementAndGet();
        throw new AssertionError("record 1 is not allowed");
      }
      return x;
    }));

    JobFailedException failure = catchThrowableOfType(JobFailedException.class, () -> t.runBatches(1));
    t.runBatches(1);

    assertThat(failure.getCause()).isInstanceOf(AssertionError.class).hasMessage("record 1 is not allowed");
    assertThat(calls).as("retried as often as dstream.task.maxFailures allows").hasValue(4);
    assertThat(t.context().getState()).isEqualTo(StreamingContextState.ACTIVE);
    assertThat(out.batches()).containsExactly(List.of(2));
  }

  @Test
  void aStackOverflowInATransformAtGenerationTimeEndsTheContext() {
    StackOverflowError overflow = new StackOverflowError("simulated: a transform recursed too deep");
    t.collect(t.inputStream(ONE_RECORD_BATCHES).transform(rdd -> {
      throw overflow;
    }));

    catchThrowable(() -> t.runBatches(1));

    assertContextEndedBy(overflow);
  }

  @Test
  void aThrowableThatIsNeitherAnExceptionNorAnErrorFailsItsBatchWithItAsTheCause() {
    Throwable odd = new Throwable("neither an Exception nor an Error");
    t.collect(t.inputStream(ONE_RECORD_BATCHES).transform(rdd -> {
      throw FailurePolicyTest.<RuntimeException>sneaky(odd);
    }));

    JobFailedException failure = catchThrowableOfType(JobFailedException.class, () -> t.runBatches(1));

    assertThat(failure.getCause()).isSameAs(odd);
    assertThat(t.context().getState()).isEqualTo(StreamingContextState.ACTIVE);
  }

  @Test
  void anOutOfMemoryErrorInAListenerEndsTheContextAndIsRethrownByAwaitTermination() {
    OutOfMemoryError oom = new OutOfMemoryError("simulated: no heap left in a listener");
    t.collect(t.inputStream(ONE_RECORD_BATCHES));
    t.context().addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted batchCompleted) {
        throw oom;
      }
    });

    catchThrowable(() -> t.runBatches(1));

    assertContextEndedBy(oom);
  }

  @Test
  void anOutOfMemoryErrorInAReceiverEndsTheContextInsteadOfRestartingTheReceiver() {
    OutOfMemoryError oom = new OutOfMemoryError("simulated: no heap left in a receiver");
    t.collect(t.context().receiverStream(new Receiver<String>(StorageLevel.MEMORY_ONLY) {
      @Override
      public void onStart() {
        throw oom;
      }

      @Override
      public void onStop() {}
    }));

    t.runBatches(0);

    assertContextEndedBy(oom);
  }

  @Test
  void aNewContextMayStartAfterAFatalErrorStoppedTheActiveOne() throws InterruptedException {
    OutOfMemoryError oom = new OutOfMemoryError("simulated");
    t.collect(t.inputStream(ONE_RECORD_BATCHES).map(x -> {
      throw oom;
    }));
    catchThrowable(() -> t.runBatches(1));
    catchThrowable(() -> t.context().awaitTerminationOrTimeout(WAIT_MILLIS));

    try (TestStreamingContext next = TestStreamingContext.create(Durations.seconds(1))) {
      CollectedOutput<Integer> out = next.collect(next.inputStream(ONE_RECORD_BATCHES));
      next.runBatches(1);
      assertThat(out.batches()).containsExactly(List.of(1));
      assertThat(StreamingContext.getActive()).containsSame(next.context());
    }
  }

  @Test
  void awaitTerminationOnAContextThatWasNeverStartedIsRefused() {
    assertThatThrownBy(() -> t.context().awaitTermination())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("awaitTermination() on a StreamingContext that was never started would wait forever; call "
            + "start() first");
  }

  /**
   * awaitTermination rethrows the fatal error itself, and only once the stop it started is complete: the
   * context is stopped, its threads released, and the JVM's active slot free.
   */
  private void assertContextEndedBy(Throwable fatal) {
    assertThatThrownBy(() -> t.context().awaitTerminationOrTimeout(WAIT_MILLIS)).isSameAs(fatal);
    assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(t.context().runtime.isTerminated()).as("the stop is complete").isTrue();
    assertThat(StreamingContext.getActive()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dstream.internal.stream.StreamNode;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fatal error in the job generator (out of memory, say) is not swallowed: batch generation stops, the
 * context stops and {@code awaitTermination} rethrows it, where a {@link RuntimeException} would only fail the
 * one event.
 */
class JobGeneratorFatalErrorTest {
  /** Passes its parent's RDDs through, and runs out of memory when the generator clears old batches. */
  private static final class OutOfMemoryOnClearNode<T> extends PassThroughStreamNode<T> {

    OutOfMemoryOnClearNode(StreamNode<T> parent) {
      super(parent);
    }

    @Override
    protected void forgotten(Time upTo) {
      throw new OutOfMemoryError("simulated: no heap left while clearing batch " + upTo);
    }

    @Override
    public String operationName() {
      return "outOfMemoryOnClear";
    }
  }

  @Test
  void anErrorWhileClearingABatchStopsGenerationAndAwaitTerminationThrowsIt() throws InterruptedException {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<Integer> in = t.inputStream(List.of(List.of(1), List.of(2), List.of(3)));
      t.collect(new DStream<>(t.context(), new OutOfMemoryOnClearNode<>(in.node)));
      t.runBatches(1);
      // Completing batch 2000 clears batch 1000, which throws the error on the generator's thread.
      catchThrowable(() -> t.runBatches(1));

      assertThatThrownBy(() -> t.context().awaitTerminationOrTimeout(30_000))
          .isInstanceOf(OutOfMemoryError.class)
          .hasMessageContaining("no heap left while clearing batch");
      assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
      assertThat(t.context().runtime.generator().isRunning())
          .as("the generator's event loop has ended").isFalse();
    }
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.receiver.Receiver;
import io.dstream.testing.TestStreamingContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A receiver may stop the context from its own thread (a bounded source that is done): the stop must not
 * wait for that thread, which cannot end before the stop returns.
 */
class StopFromReceiverThreadTest {
  /** Stops the context from onStart, as a source with nothing more to read would. */
  private static final class StoppingReceiver extends Receiver<String> {
    private final CountDownLatch stopReturned = new CountDownLatch(1);
    private volatile StreamingContext context;

    StoppingReceiver() {
      super(Receiver.DEFAULT_STORAGE_LEVEL);
    }

    @Override
    public void onStart() {
      context.stop(true);
      stopReturned.countDown();
    }

    @Override
    public void onStop() {}
  }

  // Without the fix each of the two waits takes the whole stop timeout: an hour here. The timeout only
  // guards against that hang; nothing is measured.
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aGracefulStopFromTheReceiversOwnThreadReturnsAndTheContextTerminates() throws InterruptedException {
    StreamingConf conf = new StreamingConf().set("dstream.stopTimeout", "1h");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      StoppingReceiver receiver = new StoppingReceiver();
      receiver.context = t.context();
      t.collect(t.context().receiverStream(receiver));

      t.runBatches(0);
      receiver.stopReturned.await();
      t.context().awaitTermination();

      assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
    }
  }
}

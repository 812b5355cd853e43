package io.dstream.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.receiver.Receiver;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerReceiverError;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A user's custom receiver under the test kit: its blocks, restart delay and rate limit follow the test clock. */
class ReceiverOnTestClockTest {
  /** A receiver of a source the test feeds, one record at a time, as a user's receiver of a queue would. */
  static final class FedReceiver extends Receiver<String> {
    final BlockingQueue<String> starts = new LinkedBlockingQueue<>();

    FedReceiver() {
      super(StorageLevel.MEMORY_ONLY);
    }

    @Override
    public void onStart() {
      starts.add("started");
    }

    @Override
    public void onStop() {}

    void receive(String record) {
      store(record);
    }
  }

  @Test
  void recordsStoredBeforeRunBatchesAreInThatBatch() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      FedReceiver receiver = new FedReceiver();
      CollectedOutput<String> out = t.collect(t.context().receiverStream(receiver));
      t.runBatches(0);

      receiver.receive("a");
      receiver.receive("b");
      t.runBatches(1);
      receiver.receive("c");
      t.runBatches(1);

      assertThat(out.batches()).containsExactly(List.of("a", "b"), List.of("c"));
    }
  }

  @Test
  void aRestartDelayEndsWhenTheClockHasMovedByIt() throws InterruptedException {
    StreamingConf conf = new StreamingConf().set("dstream.receiver.restartDelay", "1h");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.minutes(10), conf)) {
      FedReceiver receiver = new FedReceiver();
      CollectedOutput<String> out = t.collect(t.context().receiverStream(receiver));
      BlockingQueue<String> errors = new LinkedBlockingQueue<>();
      t.context().addStreamingListener(new StreamingListener() {
        @Override
        public void onReceiverError(StreamingListenerReceiverError event) {
          errors.add(event.receiverInfo().lastErrorMessage().orElseThrow());
        }
      });
      t.runBatches(0);
      assertThat(receiver.starts.poll(20, TimeUnit.SECONDS)).isEqualTo("started");

      receiver.restart("the source went away");
      // The restart is reported once its delay is scheduled, one hour from now on the clock.
      assertThat(errors.poll(20, TimeUnit.SECONDS)).contains("restarting the receiver in 3600000 ms");
      t.runBatches(5);
      assertThat(receiver.starts).as("not started again 50 minutes into a one-hour delay").isEmpty();
      t.runBatches(1);

      assertThat(receiver.starts.poll(20, TimeUnit.SECONDS)).as("started again after an hour on the clock")
          .isEqualTo("started");
      receiver.receive("back");
      t.runBatches(1);
      assertThat(out.batches().get(6)).containsExactly("back");
    }
  }

  @Test
  @Timeout(10)
  void aRateLimitDoesNotDelayStoresOnTheTestClock() {
    StreamingConf conf = new StreamingConf().set("dstream.receiver.maxRate", "1");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      FedReceiver receiver = new FedReceiver();
      CollectedOutput<String> out = t.collect(t.context().receiverStream(receiver));
      t.runBatches(0);

      List<String> records = List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12",
          "r13", "r14", "r15", "r16", "r17", "r18", "r19", "r20");
      records.forEach(receiver::receive);
      t.runBatches(1);

      assertThat(out.batches()).containsExactly(records);
    }
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aBoundedBlockStoreDoesNotStallTheBatchesOfTheTestClock() {
    // Far less than one batch's block: every cut finds the store over its bound until a batch is cleared.
    StreamingConf conf = new StreamingConf().set("dstream.storage.maxReceivedBytes", "64");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      FedReceiver receiver = new FedReceiver();
      CollectedOutput<String> out = t.collect(t.context().receiverStream(receiver));
      t.runBatches(0);

      List<List<String>> expected = new ArrayList<>();
      for (int batch = 0; batch < 5; batch++) {
        List<String> records = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
          records.add("batch-" + batch + "-record-" + n);
        }
        records.forEach(receiver::receive);
        expected.add(records);
        t.runBatches(1);
      }

      assertThat(out.batches()).containsExactlyElementsOf(expected);
    }
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** stop(true) with receivers: they stop first, then everything they received is processed. */
class ReceiverGracefulStopTest {
  private final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void aGracefulStopStopsTheReceiversFirstThenProcessesEveryRecordTheyReceived() throws InterruptedException {
    CommandedReceiver receiver = new CommandedReceiver(log);
    t.context().receiverStream(receiver).foreachRDD((rdd, time) -> {
      List<String> records = rdd.collect();
      if (!records.isEmpty()) {
        log.add(time + ": " + records);
      }
    });
    t.runBatches(0);
    receiver.awaitStarted();
    receiver.store(List.of("a", "b"));
    t.runBatches(1);
    receiver.store(List.of("c"));
    receiver.store("d");
    t.clock().advance(200);
    receiver.store("e");

    t.context().stop(true);

    assertThat(log).containsExactly("receiver started", "1000 ms: [a, b]", "receiver stopped",
        "2000 ms: [c, d, e]");
    assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void everyRecordIsProcessedOnceWhateverBatchesTheTimerGeneratedBeforeTheStop() throws InterruptedException {
    CommandedReceiver receiver = new CommandedReceiver(log);
    List<Time> times = Collections.synchronizedList(new ArrayList<>());
    List<String> records = Collections.synchronizedList(new ArrayList<>());
    t.context().receiverStream(receiver).foreachRDD((rdd, time) -> {
      times.add(time);
      records.addAll(rdd.collect());
    });
    t.runBatches(0);
    receiver.awaitStarted();
    receiver.store(List.of("a"));
    t.clock().advance(2000);
    receiver.store("b");

    t.context().stop(true);

    // The timer may or may not have generated the due batches 1000 and 2000 ms before the stop; the stop
    // generates those it had not, then one more batch if blocks still wait.
    assertThat(records).containsExactly("a", "b");
    assertThat(times).isSorted().doesNotHaveDuplicates().contains(new Time(1000), new Time(2000));
  }

  @Test
  void aGracefulStopWithoutWaitingBlocksAddsNoBatch() throws InterruptedException {
    CommandedReceiver receiver = new CommandedReceiver(log);
    t.context().receiverStream(receiver).foreachRDD((rdd, time) -> log.add(time + ": " + rdd.collect()));
    t.runBatches(0);
    receiver.awaitStarted();
    receiver.store(List.of("a"));
    t.runBatches(1);

    t.context().stop(true);

    assertThat(log).containsExactly("receiver started", "1000 ms: [a]", "receiver stopped");
  }

  @Test
  void anImmediateStopAlsoStopsTheReceivers() throws InterruptedException {
    CommandedReceiver receiver = new CommandedReceiver(log);
    t.collect(t.context().receiverStream(receiver));
    t.runBatches(1);
    receiver.awaitStarted();

    t.context().stop(false);

    assertThat(receiver.nextLifecycleCall()).isEqualTo("stop");
    assertThat(receiver.isStopped()).isTrue();
    assertThat(t.context().awaitTerminationOrTimeout(0)).isTrue();
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.scheduler.ReceiverInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerEvent;
import io.dstream.scheduler.StreamingListenerReceiverError;
import io.dstream.scheduler.StreamingListenerReceiverStarted;
import io.dstream.scheduler.StreamingListenerReceiverStopped;
import io.dstream.scheduler.StreamingListenerStreamingStarted;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The listener events of receivers: started, error (with restarts), stopped; the context runs on. */
class ReceiverEventsTest {
  private final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
  private final BlockingQueue<StreamingListenerEvent> events = new LinkedBlockingQueue<>();
  private final CommandedReceiver receiver = new CommandedReceiver();
  private final ReceiverInputDStream<String> stream = t.context().receiverStream(receiver);
  private final CollectedOutput<String> out = t.collect(stream);

  ReceiverEventsTest() {
    t.context().addStreamingListener(new StreamingListener() {
      @Override
      public void onStreamingStarted(StreamingListenerStreamingStarted event) {
        events.add(event);
      }

      @Override
      public void onReceiverStarted(StreamingListenerReceiverStarted event) {
        events.add(event);
      }

      @Override
      public void onReceiverError(StreamingListenerReceiverError event) {
        events.add(event);
      }

      @Override
      public void onReceiverStopped(StreamingListenerReceiverStopped event) {
        events.add(event);
      }
    });
  }

  @AfterEach
  void close() {
    t.close();
  }

  private <E extends StreamingListenerEvent> E next(Class<E> type) throws InterruptedException {
    StreamingListenerEvent event = ReceiverKit.take(events, "a " + type.getSimpleName());
    assertThat(event).isInstanceOf(type);
    return type.cast(event);
  }

  @Test
  void aReceiverStartIsReportedAfterTheContextStart() throws InterruptedException {
    t.runBatches(0);

    next(StreamingListenerStreamingStarted.class);
    ReceiverInfo info = next(StreamingListenerReceiverStarted.class).receiverInfo();

    assertThat(info).isEqualTo(new ReceiverInfo(stream.id(), "CommandedReceiver", true, Optional.empty(),
        Optional.empty(), Optional.empty()));
  }

  @Test
  void aReportedErrorIsAnEventWithItsMessageExceptionAndTimeAndTheReceiverRunsOn() throws InterruptedException {
    t.runBatches(1);
    next(StreamingListenerStreamingStarted.class);
    next(StreamingListenerReceiverStarted.class);
    IllegalStateException failure = new IllegalStateException("source hiccup");

    receiver.reportError("could not parse a record", failure);

    ReceiverInfo info = next(StreamingListenerReceiverError.class).receiverInfo();
    assertThat(info.active()).isTrue();
    assertThat(info.lastErrorMessage()).contains("could not parse a record");
    assertThat(info.lastError()).containsSame(failure);
    assertThat(info.lastErrorTime()).contains(1000L);
    receiver.store(List.of("still receiving"));
    t.runBatches(1);
    assertThat(out.batches()).containsExactly(List.of(), List.of("still receiving"));
  }

  @Test
  void aRestartIsReportedAsAnErrorAndTheReceiverStartsAgainAfterTheDelay() throws InterruptedException {
    t.runBatches(0);
    receiver.awaitStarted();
    next(StreamingListenerStreamingStarted.class);
    next(StreamingListenerReceiverStarted.class);
    IllegalStateException cause = new IllegalStateException("connection reset");

    receiver.restart("lost the source", cause);

    ReceiverInfo error = next(StreamingListenerReceiverError.class).receiverInfo();
    assertThat(error.lastErrorMessage()).contains("restarting the receiver in 2000 ms: lost the source");
    assertThat(error.lastError()).containsSame(cause);
    assertThat(receiver.nextLifecycleCall()).isEqualTo("stop");
    assertThat(receiver.isStopped()).isTrue();

    t.runBatches(2);

    receiver.awaitStarted();
    ReceiverInfo restarted = next(StreamingListenerReceiverStarted.class).receiverInfo();
    assertThat(restarted.active()).isTrue();
    assertThat(restarted.lastErrorMessage()).isEqualTo(error.lastErrorMessage());
    receiver.store(List.of("after the restart"));
    t.runBatches(1);
    assertThat(out.batches()).containsExactly(List.of(), List.of(), List.of("after the restart"));
  }

  @Test
  void theStopOfTheContextStopsTheReceiverAndReportsIt() throws InterruptedException {
    t.runBatches(0);
    next(StreamingListenerStreamingStarted.class);
    next(StreamingListenerReceiverStarted.class);

    t.context().stop(true);

    ReceiverInfo stopped = next(StreamingListenerReceiverStopped.class).receiverInfo();
    assertThat(stopped.active()).isFalse();
    assertThat(stopped.lastError()).isEmpty();
    assertThat(receiver.isStopped()).isTrue();
  }

  @Test
  void aReceiverThatStopsItselfIsReportedAndTheContextKeepsRunning() throws InterruptedException {
    t.runBatches(0);
    next(StreamingListenerStreamingStarted.class);
    next(StreamingListenerReceiverStarted.class);
    receiver.store(List.of("last words"));

    IllegalStateException reason = new IllegalStateException("source retired");
    receiver.stop("the source is gone for good", reason);

    ReceiverInfo stopped = next(StreamingListenerReceiverStopped.class).receiverInfo();
    assertThat(stopped.active()).isFalse();
    assertThat(stopped.lastErrorMessage()).contains("the source is gone for good");
    assertThat(stopped.lastError()).containsSame(reason);
    t.runBatches(2);
    assertThat(out.batches()).containsExactly(List.of("last words"), List.of());
    assertThat(t.context().getState()).isEqualTo(StreamingContextState.ACTIVE);
  }
}

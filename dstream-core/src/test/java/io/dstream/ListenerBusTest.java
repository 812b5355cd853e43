package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.internal.scheduler.FailureHandler;
import io.dstream.internal.scheduler.ListenerBus;
import io.dstream.rdd.JobFailedException;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerStreamingStarted;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The listener bus never lets a slow listener hold up the batches: its queue is bounded, and what does not
 * fit is dropped and counted, with one WARN; an error that the bus itself throws goes to the failure policy.
 */
class ListenerBusTest {
  private static final long TIMEOUT_SECONDS = 30;

  private static final class RecordingFailures implements FailureHandler {
    final CompletableFuture<String> fatal = new CompletableFuture<>();

    @Override
    public void jobFailed(JobFailedException failure) {}

    @Override
    public void fatalError(String where, VirtualMachineError error) {
      fatal.complete(where + ": " + error.getMessage());
    }
  }

  @Test
  void eventsBeyondTheCapacityAreDroppedAndCountedWithOneWarn() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Long> received = new CopyOnWriteArrayList<>();
    ListenerBus bus = new ListenerBus("test", 3, new RecordingFailures());
    bus.addListener(new StreamingListener() {
      @Override
      public void onStreamingStarted(StreamingListenerStreamingStarted event) {
        received.add(event.time());
        entered.countDown();
        try {
          release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    try (CapturedLog log = CapturedLog.of(ListenerBus.class.getName())) {
      bus.start();
      bus.post(new StreamingListenerStreamingStarted(0));
      assertThat(entered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      // The listener is blocked on event 0: events 1 to 3 fill the queue, 4 to 9 are dropped.
      for (long time = 1; time < 10; time++) {
        bus.post(new StreamingListenerStreamingStarted(time));
      }

      assertThat(bus.droppedEvents()).isEqualTo(6);
      assertThat(log.messagesStartingWith("Dropping a listener event")).containsExactly(
          "Dropping a listener event (StreamingListenerStreamingStarted): 3 events already wait for delivery, "
              + "so a StreamingListener is slower than the batches. Later drops are counted, not logged; make "
              + "the listener return faster, or raise dstream.listenerBus.capacity");
      release.countDown();
      CountDownLatch delivered = new CountDownLatch(1);
      bus.afterDelivered(delivered::countDown);
      assertThat(delivered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(received).containsExactly(0L, 1L, 2L, 3L);
      // Room again: a later event is delivered.
      bus.post(new StreamingListenerStreamingStarted(10));
      bus.stop(System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS));
      assertThat(received).containsExactly(0L, 1L, 2L, 3L, 10L);
    }
  }

  @Test
  void aFatalErrorOutsideTheListenersGoesToTheFailurePolicyAndReleasesWaiters() throws Exception {
    RecordingFailures failures = new RecordingFailures();
    ListenerBus bus = new ListenerBus("test", 10, failures);
    bus.start();
    CountDownLatch released = new CountDownLatch(1);
    bus.afterDelivered(() -> {
      throw new OutOfMemoryError("simulated: no heap left in the bus");
    });
    bus.afterDelivered(released::countDown);

    assertThat(failures.fatal.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        .isEqualTo("the listener bus: simulated: no heap left in the bus");
    assertThat(released.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("a waiter queued behind it").isTrue();
  }

  @Test
  void stopWaitsForASlowListenerOnlyUntilTheStopsDeadline() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ListenerBus bus = new ListenerBus("test", 10, new RecordingFailures());
    bus.addListener(new StreamingListener() {
      @Override
      public void onStreamingStarted(StreamingListenerStreamingStarted event) {
        entered.countDown();
        try {
          release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    bus.start();
    bus.post(new StreamingListenerStreamingStarted(0));
    assertThat(entered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    bus.stop(start + TimeUnit.MILLISECONDS.toNanos(100));

    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(TIMEOUT_SECONDS / 2);
    release.countDown();
  }
}

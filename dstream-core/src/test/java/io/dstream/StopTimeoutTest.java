package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dstream.receiver.Receiver;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A graceful stop whose jobs outlast {@code dstream.stopTimeout} gives up with one WARN that counts what it
 * left unprocessed, and interrupts the job still running instead of leaving it to run on unseen.
 */
class StopTimeoutTest {
  private final Logger dstreamLogger = (Logger) LoggerFactory.getLogger("io.dstream");
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1),
      new StreamingConf().set("dstream.stopTimeout", "300ms"));

  @BeforeEach
  void captureLog() {
    logged.start();
    dstreamLogger.addAppender(logged);
  }

  @AfterEach
  void close() {
    dstreamLogger.detachAppender(logged);
    t.close();
  }

  /**
   * The WARNs and ERRORs logged, but for the one that says the job generator's event loop missed the stop's
   * deadline: on a loaded machine it may miss the 300 ms these tests give, which is not what they are about.
   */
  private List<ILoggingEvent> warningsAndErrors() {
    synchronized (logged) {
      return logged.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
          .filter(event -> !event.getFormattedMessage().startsWith("The job generator's event loop did not end"))
          .toList();
    }
  }

  @Test
  void aStopThatTimesOutInterruptsTheRunningJobAndCountsWhatItLeftInOneWarning() throws InterruptedException {
    CountDownLatch firstJobRunning = new CountDownLatch(1);
    CompletableFuture<Throwable> firstJobEnd = new CompletableFuture<>();
    CommandedReceiver receiver = new CommandedReceiver();
    t.context().receiverStream(receiver).foreachRDD((rdd, time) -> {
      if (time.equals(new Time(1000))) {
        firstJobRunning.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          firstJobEnd.complete(e);
          throw e;
        }
      }
    });
    t.runBatches(0);
    receiver.awaitStarted();
    receiver.store(List.of("a", "b"));
    t.clock().advance(1000);
    assertThat(firstJobRunning.await(ReceiverKit.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    receiver.store(List.of("c", "d", "e"));

    t.context().stop(true);

    assertThat(firstJobEnd).isCompletedWithValueMatching(e -> e instanceof InterruptedException);
    List<ILoggingEvent> warnings = warningsAndErrors();
    assertThat(warnings).hasSize(1);
    ILoggingEvent warning = warnings.get(0);
    assertThat(warning.getLevel()).isEqualTo(Level.WARN);
    assertThat(warning.getThrowableProxy()).as("no stack trace").isNull();
    assertThat(warning.getFormattedMessage())
        .startsWith("stop(true) gave up waiting after 300 ms (dstream.stopTimeout): 2 batches (1000 ms to 2000 ms) "
            + "with 5 input records (2 received blocks) were not processed; interrupted the jobs still running")
        .contains("output operation 0 (foreachRDD at StopTimeoutTest.java:")
        .contains(") of batch 1000 ms")
        .endsWith("; raise dstream.stopTimeout to let a graceful stop process everything it received");
    assertThat(t.context().awaitTerminationOrTimeout(0)).isTrue();
  }

  @Test
  void aBlockStillWaitingForRoomWhenTheStopGivesUpIsDroppedAndCountedInTheSameWarning()
      throws InterruptedException {
    t.close();
    // Each received block is stored only once no other is held, and the buffer of single records holds two.
    t = TestStreamingContext.create(Durations.seconds(1), new StreamingConf().set("dstream.stopTimeout", "300ms")
        .set("dstream.storage.maxReceivedBytes", "1").set("dstream.receiver.maxBufferedRecords", "2"));
    CountDownLatch firstJobRunning = new CountDownLatch(1);
    CommandedReceiver receiver = new CommandedReceiver();
    t.context().receiverStream(receiver).foreachRDD((rdd, time) -> {
      firstJobRunning.countDown();
      new CountDownLatch(1).await();
    });
    t.runBatches(0);
    receiver.awaitStarted();
    receiver.store(List.of("a"));
    t.clock().advance(1000);
    assertThat(firstJobRunning.await(ReceiverKit.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    Thread source = new Thread(() -> {
      receiver.store("b");
      receiver.store("c");
    }, "source");
    source.start();
    while (source.getState() != Thread.State.WAITING) {
      assertThat(source.isAlive()).as("the source waits for room: batch 1000 ms holds the only block").isTrue();
      Thread.yield();
    }
    int loggedBefore = warningsAndErrors().size();

    t.context().stop(true);

    source.join(TimeUnit.SECONDS.toMillis(ReceiverKit.TIMEOUT_SECONDS));
    assertThat(source.isAlive()).isFalse();
    List<ILoggingEvent> warnings = warningsAndErrors();
    assertThat(warnings.subList(loggedBefore, warnings.size())).singleElement()
        .satisfies(warning -> assertThat(warning.getFormattedMessage()).startsWith(
            "stop(true) gave up waiting after 300 ms (dstream.stopTimeout): 1 batch (1000 ms) with 1 input "
                + "records (1 received blocks) were not processed, 1 received blocks with 2 records were dropped: "
                + "they waited for room in the block store when the stop ended; interrupted the jobs still running"));
  }

  @Test
  void aStopThatTimesOutWhileTasksRunLogsOnlyItsWarning() throws InterruptedException {
    CountDownLatch tasksRunning = new CountDownLatch(2);
    CommandedReceiver receiver = new CommandedReceiver();
    t.context().receiverStream(receiver).foreachRDD(rdd -> rdd.foreach(record -> {
      tasksRunning.countDown();
      new CountDownLatch(1).await();
    }));
    t.runBatches(0);
    receiver.awaitStarted();
    receiver.store(List.of("a"));
    receiver.store(List.of("b"));
    t.clock().advance(1000);
    assertThat(tasksRunning.await(ReceiverKit.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

    t.context().stop(true);

    assertThat(warningsAndErrors()).singleElement()
        .satisfies(warning -> assertThat(warning.getFormattedMessage()).startsWith(
            "stop(true) gave up waiting after 300 ms (dstream.stopTimeout): 1 batch (1000 ms) with 2 input "
                + "records (2 received blocks) were not processed; interrupted the jobs still running"));
  }

  @Test
  void aGracefulStopWithAHangingReceiverAndAJobThatOutlastsTheTimeoutEndsWithinOneTimeout() throws Exception {
    t.close();
    long timeoutMillis = 500;
    t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().set("dstream.stopTimeout", timeoutMillis + "ms"));
    CountDownLatch jobRunning = new CountDownLatch(1);
    HangingOnStopReceiver receiver = new HangingOnStopReceiver();
    t.context().receiverStream(receiver).foreachRDD(rdd -> {
      jobRunning.countDown();
      new CountDownLatch(1).await();
    });
    t.runBatches(0);
    assertThat(receiver.started.await(ReceiverKit.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    t.clock().advance(1000);
    assertThat(jobRunning.await(ReceiverKit.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    try {
      t.context().stop(true);
    } finally {
      receiver.release.countDown();
    }
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    // Each wait of the stop used to take a timeout of its own: about 4 (here 5) timeouts in all.
    assertThat(tookMillis).isGreaterThanOrEqualTo(timeoutMillis).isLessThan(2 * timeoutMillis);
    assertThat(warningsAndErrors()).filteredOn(event -> event.getFormattedMessage().startsWith("The receiver of"))
        .singleElement().satisfies(warning -> assertThat(warning.getFormattedMessage())
            .contains("did not stop within the stop's dstream.stopTimeout"));
    assertThat(t.context().awaitTerminationOrTimeout(0)).isTrue();
  }

  /** A receiver whose onStop() does not return until the test releases it. */
  private static final class HangingOnStopReceiver extends Receiver<String> {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    HangingOnStopReceiver() {
      super(Receiver.DEFAULT_STORAGE_LEVEL);
    }

    @Override
    public void onStart() {
      started.countDown();
    }

    @Override
    public void onStop() {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

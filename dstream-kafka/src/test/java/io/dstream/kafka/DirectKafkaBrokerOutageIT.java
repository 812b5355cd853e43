package io.dstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.CapturedLog;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.testing.TestStreamingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that goes away and comes back (stopped and restarted on the same port and logs): the batch being
 * generated waits, with one WARN and one INFO when the broker is back, and every record written before or after
 * the outage is read exactly once; a stop during the outage ends the wait, and a restart from the checkpoint
 * reads what that batch would have. Short timeouts (1 s requests) keep it quick.
 */
class DirectKafkaBrokerOutageIT extends BrokerPerClass {
  private static final String RETRY_LOGGER = "io.dstream.kafka.internal.BrokerOutageRetry";
  private static final long WAIT_SECONDS = 60;
  private TestStreamingContext t;

  @TempDir
  Path checkpoints;

  @AfterEach
  void closeContext() {
    if (t != null) {
      t.close();
    }
  }

  private static StreamingConf shortTimeouts() {
    return new StreamingConf().set("dstream.kafka.pollTimeout", "1s");
  }

  private static Map<String, Object> params() {
    Map<String, Object> params = kafka().consumerConfig(null);
    params.put("reconnect.backoff.max.ms", 200);
    return params;
  }

  /** Waits until a condition holds, at most {@value #WAIT_SECONDS} s. */
  private static void awaitCondition(String what, Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  @Test
  void aBatchWaitsForTheBrokerAndEveryRecordBeforeAndAfterTheOutageIsReadOnce() throws Exception {
    String topic = TestTopics.create(kafka(), 2);
    kafka().produce(topic, 0, List.of("a", "b"));
    kafka().produce(topic, 1, List.of("c"));
    t = TestStreamingContext.create(Durations.seconds(1), shortTimeouts());
    RecordedBatches batches = RecordedBatches.of(t, ConsumerStrategies.Subscribe(List.of(topic), params()));
    try (CapturedLog log = CapturedLog.of(RETRY_LOGGER)) {
      t.runBatches(1);
      kafka().produce(topic, 1, List.of("d"));

      kafka().stopBroker();
      CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> t.runBatches(1));
      awaitCondition("the outage's WARN", () -> !log.messagesAt("WARN").isEmpty());
      assertThatThrownBy(() -> waiting.get(3, TimeUnit.SECONDS)).as("the batch waits while the broker is away")
          .isInstanceOf(TimeoutException.class);
      kafka().restartBroker();
      waiting.get(WAIT_SECONDS, TimeUnit.SECONDS);

      kafka().produce(topic, 0, List.of("e"));
      t.runBatches(1);

      assertThat(batches.values).containsExactly(List.of("a", "b", "c"), List.of("d"), List.of("e"));
      assertThat(log.messagesAt("WARN")).singleElement().asString()
          .contains("cannot reach the Kafka broker to generate batch 2000 ms")
          .contains("the batch waits and tries again until the broker answers");
      assertThat(log.messagesAt("INFO")).singleElement().asString()
          .contains("reaches the Kafka broker again").contains("batch 2000 ms goes on");
      assertThat(failedAttempts(log.messagesAt("INFO").get(0))).as("failed attempts, 1 s each").isGreaterThan(2);
    }
  }

  private static int failedAttempts(String message) {
    Matcher attempts = Pattern.compile("and (\\d+) failed attempts").matcher(message);
    assertThat(attempts.find()).as("the count of failed attempts in '%s'", message).isTrue();
    return Integer.parseInt(attempts.group(1));
  }

  @Test
  void aStopDuringAnOutageEndsTheWaitAndARestartFromTheCheckpointReadsTheBatchsRecordsOnce() throws Exception {
    String topic = TestTopics.create(kafka(), 1);
    kafka().produce(topic, 0, List.of("a"));
    t = TestStreamingContext.create(Durations.seconds(1), shortTimeouts());
    RecordedBatches first = RecordedBatches.of(t, ConsumerStrategies.Subscribe(List.of(topic), params()));
    t.recoverFrom(checkpoints.toUri().toString());
    t.runBatches(1);
    kafka().produce(topic, 0, List.of("b"));
    try (CapturedLog log = CapturedLog.of(RETRY_LOGGER)) {
      kafka().stopBroker();
      CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> t.runBatches(1));
      awaitCondition("the outage's WARN", () -> !log.messagesAt("WARN").isEmpty());

      long stopStart = System.nanoTime();
      t.close();
      long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStart);

      assertThat(stopMillis).as("how long the stop took, ms (dstream.stopTimeout is 10 s)").isLessThan(10_000);
      // The batch fails with the error below, or is dropped by the stop before its failing job ran.
      assertThatThrownBy(() -> waiting.get(WAIT_SECONDS, TimeUnit.SECONDS)).satisfiesAnyOf(
          failure -> assertThat(FailureMessages.of(failure)).anyMatch(message -> message.contains(
              "could not reach the Kafka broker to generate batch 2000 ms before the context stopped")),
          failure -> assertThat(failure).hasRootCauseInstanceOf(CancellationException.class));
    } finally {
      kafka().restartBroker();
    }

    t = TestStreamingContext.create(Durations.seconds(1), shortTimeouts());
    RecordedBatches second = RecordedBatches.of(t, ConsumerStrategies.Subscribe(List.of(topic), params()));
    t.recoverFrom(checkpoints.toUri().toString());
    t.runBatches(1);

    assertThat(first.values).containsExactly(List.of("a"));
    assertThat(second.values.stream().flatMap(List::stream).toList()).containsExactly("b");
  }
}

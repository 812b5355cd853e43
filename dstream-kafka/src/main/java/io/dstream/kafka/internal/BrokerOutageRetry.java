package io.dstream.kafka.internal;

import io.dstream.Time;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the requests that generate a direct stream's batch again while the broker does not answer (a request that
 * times out, or another retriable error), so that the batch waits for the broker instead of failing or skipping
 * records: one WARN when an outage begins, one INFO when the broker answers again. The wait ends when the context
 * stops: the batch then fails with an {@link IllegalStateException} and takes no records. Used by the job
 * generator's thread only.
 */
final class BrokerOutageRetry {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerOutageRetry.class);
  /** The least time between two attempts, for a request that fails at once (an unknown host). */
  private static final long MIN_ATTEMPT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Object stream;
  private final BooleanSupplier contextActive;
  private long outageStartNanos = -1;
  private int failedAttempts;

  /**
   * Creates the retry of a stream.
   *
   * @param stream the stream, for messages
   * @param contextActive tells whether the context still runs: while it does, a batch waits for the broker
   */
  BrokerOutageRetry(Object stream, BooleanSupplier contextActive) {
    this.stream = stream;
    this.contextActive = contextActive;
  }

  /**
   * Runs the requests of a batch until they succeed.
   *
   * @param batch the batch they are for
   * @param requests the requests, each bounded by its own timeout; run again whole after a retriable error
   * @param <T> what they return
   * @return what they returned
   * @throws IllegalStateException if the context stops while the broker does not answer, or the thread is
   *     interrupted
   */
  <T> T run(Time batch, Supplier<T> requests) {
    while (true) {
      long attemptStart = System.nanoTime();
      try {
        T result = requests.get();
        if (outageStartNanos >= 0) {
          LOG.info("{} reaches the Kafka broker again, after {} ms and {} failed attempts; batch {} goes on",
              stream, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStartNanos), failedAttempts, batch);
          outageStartNanos = -1;
          failedAttempts = 0;
        }
        return result;
      } catch (RetriableException e) {
        failedAttempts++;
        if (outageStartNanos < 0) {
          outageStartNanos = attemptStart;
          LOG.warn("{} cannot reach the Kafka broker to generate batch {} ({}); the batch waits and tries again "
              + "until the broker answers (one INFO will say when)", stream, batch, e.toString());
        }
        if (!contextActive.getAsBoolean()) {
          throw new IllegalStateException(stream + " could not reach the Kafka broker to generate batch " + batch
              + " before the context stopped (" + failedAttempts + " attempts); the batch takes no records, and a "
              + "restart from the checkpoint runs it again", e);
        }
        pauseUntil(attemptStart + MIN_ATTEMPT_NANOS);
      }
    }
  }

  private void pauseUntil(long deadlineNanos) {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(stream + " was interrupted while it waited for the Kafka broker", e);
    }
  }
}

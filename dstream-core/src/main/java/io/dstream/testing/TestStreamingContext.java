package io.dstream.testing;

import io.dstream.DStream;
import io.dstream.DStreamLike;
import io.dstream.Duration;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.StreamingContextState;
import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.checkpoint.internal.Arguments;
import io.dstream.internal.BatchProgress;
import io.dstream.internal.ContextAccess;
import io.dstream.internal.scheduler.BatchOutcome;
import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.RDD;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a pipeline deterministically in a test: a real {@link StreamingContext} (same engine, same code
 * path) driven by a {@link ManualClock} that the test advances batch by batch. No sleeps.
 *
 * <pre>{@code
 * try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
 *   DStream<Integer> in = t.inputStream(List.of(List.of(1, 2), List.of(3)));
 *   CollectedOutput<Integer> out = t.collect(in.map(x -> x * 2));
 *   t.runBatches(2);
 *   assertThat(out.batches()).containsExactly(List.of(2, 4), List.of(6));
 * }
 * }</pre>
 *
 * <p>The context runs with {@code local[2]} and the clock starts at 0, so batch {@code i} (from 1) has time
 * {@code i * batchDuration}. The first {@link #runBatches} starts the context.
 */
public final class TestStreamingContext implements AutoCloseable {
  private static final long BATCH_TIMEOUT_MILLIS = 60_000;

  private final StreamingContext context;
  private final ManualClock clock;
  private final Duration batchDuration;

  private TestStreamingContext(StreamingConf conf, Duration batchDuration) {
    this.clock = new ManualClock();
    this.batchDuration = batchDuration;
    this.context = new StreamingContext(conf, batchDuration, clock);
  }

  /**
   * Creates a test context with {@code local[2]} and a manual clock at 0.
   *
   * @param batchDuration the batch interval
   * @return the test context; close it when done
   */
  public static TestStreamingContext create(Duration batchDuration) {
    Arguments.requireNonNull(batchDuration, "batchDuration");
    return create(batchDuration, new StreamingConf());
  }

  /**
   * Creates a test context with a given configuration (its master defaults to {@code local[2]}) and a manual
   * clock at 0.
   *
   * @param batchDuration the batch interval
   * @param conf the configuration
   * @return the test context; close it when done
   */
  public static TestStreamingContext create(Duration batchDuration, StreamingConf conf) {
    Arguments.requireNonNull(batchDuration, "batchDuration");
    Arguments.requireNonNull(conf, "conf");
    StreamingConf copy = conf.copy();
    if (!copy.contains("dstream.master")) {
      copy.setMaster("local[2]");
    }
    if (!copy.contains("dstream.app.name")) {
      copy.setAppName("test");
    }
    return new TestStreamingContext(copy, batchDuration);
  }

  /**
   * Returns an input stream whose batch {@code i} holds {@code batches.get(i)}; batches past the end are
   * empty. It is a queue stream of parallelized lists.
   *
   * @param batches the records of each batch
   * @param <T> the record type
   * @return the stream
   */
  public <T> DStream<T> inputStream(List<List<T>> batches) {
    Arguments.requireNonNull(batches, "batches");
    Queue<RDD<T>> queue = new ArrayDeque<>();
    for (List<T> batch : batches) {
      queue.add(context.parallelize(batch));
    }
    return context.queueStream(queue, true);
  }

  /**
   * Returns a pair input stream whose batch {@code i} holds {@code batches.get(i)}.
   *
   * @param batches the pairs of each batch
   * @param <K> the key type
   * @param <V> the value type
   * @return the stream
   */
  public <K, V> PairDStream<K, V> pairInputStream(List<List<Tuple2<K, V>>> batches) {
    Arguments.requireNonNull(batches, "batches");
    return PairDStream.fromDStream(inputStream(batches));
  }

  /**
   * Collects every batch of a stream: an output operation, defined after those before it.
   *
   * @param stream the stream
   * @param <T> the record type
   * @return the collected batches, filled as batches run
   */
  public <T> CollectedOutput<T> collect(DStreamLike<T, ?, ?> stream) {
    Arguments.requireNonNull(stream, "stream");
    CollectedOutput<T> output = new CollectedOutput<>();
    stream.foreachRDD(rdd -> output.add(rdd.collect()));
    return output;
  }

  /**
   * Runs the next {@code n} batches: starts the context if needed, then, for each batch, moves the clock to
   * the next batch time (one interval on, or the next multiple of the interval if the test moved the clock
   * by part of one) and waits until that batch's jobs have completed, its old RDDs are cleared, its metadata
   * checkpoint is written (with a checkpoint directory) and listeners have received its events.
   *
   * @param n how many batches; 0 only starts the context
   * @throws io.dstream.rdd.JobFailedException if a batch failed; its cause is the user's exception
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws IllegalStateException if the context was stopped (by {@link #close()} or by the pipeline), or a
   *     batch did not complete within a minute
   */
  public void runBatches(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("runBatches(" + n + "): the number of batches must not be negative");
    }
    BatchProgress batches = ContextAccess.batches(context);
    if (context.getState() == StreamingContextState.INITIALIZED) {
      startAndAwaitRecoveredBatches(batches);
    }
    for (int i = 0; i < n; i++) {
      if (context.getState() == StreamingContextState.STOPPED) {
        throw new IllegalStateException("the test context has been stopped (closed, or stopped by the pipeline), "
            + "so no more batches can run; create a new TestStreamingContext");
      }
      // The next batch time on the grid, also after a test moved the clock by part of a batch itself.
      long interval = batchDuration.milliseconds();
      Time next = new Time((Math.floorDiv(clock.getTimeMillis(), interval) + 1) * interval);
      CompletableFuture<BatchOutcome> settled = batches.whenSettled(next);
      clock.setTime(next.milliseconds());
      BatchOutcome done = await(settled, next);
      if (done.failure() != null) {
        throw done.failure();
      }
    }
  }

  /** Starts the context and, after a recovery, waits for the batches it runs again before new ones. */
  private void startAndAwaitRecoveredBatches(BatchProgress batches) {
    Map<Time, CompletableFuture<BatchOutcome>> rerun = new LinkedHashMap<>();
    for (Time time : batches.batchesToRerun()) {
      rerun.put(time, batches.whenSettled(time));
    }
    context.start();
    JobFailedException firstFailure = null;
    for (Map.Entry<Time, CompletableFuture<BatchOutcome>> entry : rerun.entrySet()) {
      BatchOutcome done = await(entry.getValue(), entry.getKey());
      if (firstFailure == null) {
        firstFailure = done.failure();
      }
    }
    if (firstFailure != null) {
      throw firstFailure;
    }
  }

  /**
   * Makes this context go on from a checkpoint, as {@link StreamingContext#getOrCreate} does with a context
   * its factory built (it is the same code): define the pipeline first, then call this before the first
   * {@link #runBatches}. If the directory holds a checkpoint, the manual clock moves to the time of the
   * checkpoint's latest batch, as if the application restarted at once (advance it further to simulate time
   * spent down), and the first {@link #runBatches} waits for the batches that recovery runs again (unfinished
   * or missed ones) before it runs new ones.
   *
   * <pre>{@code
   * try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
   *   CollectedOutput<String> out = t.collect(t.context().textFileStream("memory://test/in"));
   *   t.recoverFrom("memory://test/checkpoints");
   *   t.runBatches(1);
   * }
   * }</pre>
   *
   * @param checkpointDirectory the checkpoint directory (set on the context if it has none)
   * @return true if the context recovered from a checkpoint, false if the directory held none
   * @throws IllegalStateException if the context has started, or the checkpoint cannot be restored
   * @throws IllegalArgumentException if the context has another checkpoint directory, or it is not usable
   */
  public boolean recoverFrom(String checkpointDirectory) {
    Arguments.requireNonNull(checkpointDirectory, "checkpointDirectory");
    StreamingContext.getOrCreate(checkpointDirectory, () -> context);
    return ContextAccess.batches(context).recoveredLastBatch().map(lastBatch -> {
      long restartedAt = lastBatch.milliseconds();
      if (clock.getTimeMillis() < restartedAt) {
        clock.setTime(restartedAt);
      }
      return true;
    }).orElse(false);
  }

  /** Waits until a batch is complete: jobs ended, old RDDs cleared, checkpoint written, listeners told. */
  private static BatchOutcome await(CompletableFuture<BatchOutcome> settled, Time time) {
    try {
      return settled.get(BATCH_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (CancellationException e) {
      throw new IllegalStateException("the context stopped before batch " + time + " completed", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("batch " + time + " did not complete (its jobs, clearing, checkpoint and "
          + "listener events) within " + BATCH_TIMEOUT_MILLIS + " ms; is a job or a listener blocked?", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for batch " + time + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for batch " + time, e);
    }
  }

  /**
   * Returns the manual clock that drives the batches.
   *
   * @return the clock
   */
  public ManualClock clock() {
    return clock;
  }

  /**
   * Returns the underlying context, to create streams and RDDs or add listeners.
   *
   * @return the context
   */
  public StreamingContext context() {
    return context;
  }

  /** Stops the context at once (whether or not it was started). */
  @Override
  public void close() {
    context.stop(false);
  }
}

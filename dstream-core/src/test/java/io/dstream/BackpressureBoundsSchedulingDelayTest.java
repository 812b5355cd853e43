package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.receiver.internal.ReceiverSupervisor;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import io.dstream.testing.ManualClock;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A fast source into a slow pipeline, simulated on the manual clock: the source offers
 * {@value #SOURCE_RATE} records/s and stores what its receiver's rate lets through, one block every
 * {@value #SLICE_MILLIS} ms of clock time; the pipeline takes 1 ms per {@value #PIPELINE_RECORDS_PER_MILLI}
 * records, which its output operation spends by moving the clock (while the source goes on storing). A
 * batch whose time the clock passes while an earlier one is processed waits, which the scheduler measures as
 * scheduling delay. Without backpressure that delay grows by about a batch interval per batch; with it, the
 * rate estimator slows the receiver to what the pipeline can take, and the delay stays bounded.
 *
 * <p>Everything runs in lock step, and only one thread moves the clock at a time: the running job while the
 * pipeline is busy, the test while it is idle. When the clock reaches a batch time, the mover waits for that
 * batch's submission, so each block goes to the batch of the clock time it was stored at; and each job first
 * waits until the previous batch's completion reached the listeners, so the rate it stores at already
 * reflects that batch (the rate estimator listens on the listener bus before the test's listener).
 */
class BackpressureBoundsSchedulingDelayTest {
  private static final long BATCH_MILLIS = 1000;
  private static final long SLICE_MILLIS = 100;
  private static final long SOURCE_RATE = 4000;
  private static final long PIPELINE_RECORDS_PER_MILLI = 2;
  private static final int BATCHES = 20;


  @Test
  void withoutBackpressureTheSchedulingDelayGrowsBatchAfterBatch() throws InterruptedException {
    List<BatchInfo> batches = run(new StreamingConf());

    assertThat(meanSchedulingDelay(batches, 15, 20))
        .as("late batches' scheduling delay against that of batches 5 to 10: %s", schedulingDelays(batches))
        .isGreaterThan(meanSchedulingDelay(batches, 5, 10) + 3 * BATCH_MILLIS);
  }

  @Test
  void withBackpressureTheSchedulingDelayStaysBoundedAndTheReceiverKeepsUpWithThePipeline()
      throws InterruptedException {
    List<BatchInfo> batches = run(new StreamingConf().set("dstream.backpressure.enabled", "true"));

    // The first estimate comes after the second batch: the batches received before it pile up a delay,
    // which the estimator then works off by holding the rate below what the pipeline takes.
    assertThat(meanSchedulingDelay(batches, 15, 20)).as("trend of the scheduling delay: %s",
        schedulingDelays(batches)).isLessThanOrEqualTo(meanSchedulingDelay(batches, 5, 10) - BATCH_MILLIS);
    assertThat(schedulingDelays(batches).subList(15, 20)).as("scheduling delays of the last batches")
        .allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(BATCH_MILLIS));
    long lateRecords = batches.subList(15, 20).stream().mapToLong(BatchInfo::numRecords).sum();
    long pipelineCapacity = 5 * BATCH_MILLIS * PIPELINE_RECORDS_PER_MILLI;
    assertThat(lateRecords).as("records of the last batches, against what the pipeline can take in that time")
        .isBetween(pipelineCapacity / 2, pipelineCapacity * 3 / 2);
  }

  /** Runs {@value #BATCHES} batches of the simulation and returns their infos, in batch order. */
  private static List<BatchInfo> run(StreamingConf conf) throws InterruptedException {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.milliseconds(BATCH_MILLIS), conf)) {
      CommandedReceiver receiver = new CommandedReceiver();
      ReceiverInputDStream<String> in = t.context().receiverStream(receiver);
      Simulation simulation = new Simulation(t.clock(), receiver);
      in.foreachRDD((rdd, time) -> simulation.process(time, rdd.count()));
      t.runBatches(0);
      simulation.supervisor = ReceiverKit.tracker(t.context()).supervisor(in.id()).orElseThrow();
      t.context().addStreamingListener(simulation.timeline);

      for (long batch = BATCH_MILLIS; batch <= BATCHES * BATCH_MILLIS; batch += BATCH_MILLIS) {
        simulation.idleUntil(batch);
        simulation.timeline.awaitCompleted(new Time(batch));
      }
      return simulation.timeline.completed().subList(0, BATCHES);
    }
  }

  private static List<Long> schedulingDelays(List<BatchInfo> batches) {
    return batches.stream().map(batch -> batch.schedulingDelay().orElseThrow()).toList();
  }

  /** The mean scheduling delay of batches {@code from} (inclusive) to {@code to} (exclusive), 0-based. */
  private static double meanSchedulingDelay(List<BatchInfo> batches, int from, int to) {
    return schedulingDelays(batches).subList(from, to).stream().mapToLong(Long::longValue).average().orElseThrow();
  }

  /** The source and the pipeline, both living on the manual clock. */
  private static final class Simulation {
    private final ManualClock clock;
    private final CommandedReceiver receiver;
    private final BatchTimeline timeline = new BatchTimeline();
    private volatile ReceiverSupervisor supervisor;
    private long nextRecord;

    Simulation(ManualClock clock, CommandedReceiver receiver) {
      this.clock = clock;
      this.receiver = receiver;
    }

    /** The output operation: spends the batch's processing time. */
    void process(Time time, long records) throws InterruptedException {
      if (time.milliseconds() > BATCHES * BATCH_MILLIS) {
        return;
      }
      if (time.milliseconds() > BATCH_MILLIS) {
        timeline.awaitCompleted(new Time(time.milliseconds() - BATCH_MILLIS));
      }
      passTime(records / PIPELINE_RECORDS_PER_MILLI);
    }

    /**
     * Called on the test's thread once the batch before {@code batch} has completed: if the pipeline is idle
     * (the clock has not reached the batch yet, so no job runs), moves the clock on to it while the source
     * stores; otherwise the batch is already queued or running, and its job moves the clock.
     */
    void idleUntil(long batch) throws InterruptedException {
      if (clock.getTimeMillis() < batch) {
        passTime(batch - clock.getTimeMillis());
      }
    }

    /** Moves the clock on while the source stores at its receiver's rate; waits at each batch time. */
    void passTime(long millis) throws InterruptedException {
      long end = clock.getTimeMillis() + millis;
      while (clock.getTimeMillis() < end) {
        long now = clock.getTimeMillis();
        long nextBatch = (now / BATCH_MILLIS + 1) * BATCH_MILLIS;
        long step = Math.min(SLICE_MILLIS, Math.min(end, nextBatch) - now);
        storeFor(step);
        clock.advance(step);
        if (clock.getTimeMillis() == nextBatch) {
          timeline.awaitSubmitted(new Time(nextBatch));
        }
      }
    }

    /** Stores what the source offers in {@code millis}, cut to the rate backpressure set (0: no limit). */
    private void storeFor(long millis) {
      long limit = supervisor.currentRate();
      long rate = limit == 0 ? SOURCE_RATE : Math.min(SOURCE_RATE, limit);
      int count = (int) (rate * millis / 1000);
      if (count > 0) {
        long first = nextRecord;
        nextRecord += count;
        receiver.store(IntStream.range(0, count).mapToObj(i -> "record " + (first + i)).toList());
      }
    }
  }

  /** Lets the simulation wait for batches' submissions and completions, and keeps the completed ones. */
  private static final class BatchTimeline implements StreamingListener {
    private final Set<Time> submitted = new HashSet<>();
    private final List<BatchInfo> completed = new ArrayList<>();
    private final Set<Time> completedTimes = new HashSet<>();

    @Override
    public synchronized void onBatchSubmitted(StreamingListenerBatchSubmitted event) {
      submitted.add(event.batchInfo().batchTime());
      notifyAll();
    }

    @Override
    public synchronized void onBatchCompleted(StreamingListenerBatchCompleted event) {
      completed.add(event.batchInfo());
      completedTimes.add(event.batchInfo().batchTime());
      notifyAll();
    }

    synchronized void awaitSubmitted(Time time) throws InterruptedException {
      awaitIn(submitted, time, "submitted");
    }

    synchronized void awaitCompleted(Time time) throws InterruptedException {
      awaitIn(completedTimes, time, "completed");
    }

    synchronized List<BatchInfo> completed() {
      return List.copyOf(completed);
    }

    private void awaitIn(Set<Time> times, Time time, String what) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ReceiverKit.TIMEOUT_SECONDS);
      while (!times.contains(time)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("batch " + time + " was not " + what + " within "
              + ReceiverKit.TIMEOUT_SECONDS + " s");
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }
}

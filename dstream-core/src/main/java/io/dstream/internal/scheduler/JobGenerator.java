package io.dstream.internal.scheduler;

import io.dstream.Clock;
import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.internal.stream.DStreamGraph;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns clock ticks into batches. A {@link RecurringTimer} posts {@code GenerateJobs(time)} every batch
 * interval to a single event-loop thread, which owns the schedule: it allocates the blocks received so far
 * to the batch, generates the batch's jobs from the graph and submits them, and clears old RDDs when a batch
 * completes. No other thread changes the graph's per-batch state, so the loop needs no locks.
 */
public final class JobGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(JobGenerator.class);

  /** What the event loop is asked to do. */
  private sealed interface Event permits GenerateJobs, ProcessReceivedBlocks, ClearMetadata, Barrier, Shutdown {}

  private record GenerateJobs(Time time) implements Event {}

  /** A graceful stop: put the blocks that no batch has taken yet into one more batch. */
  private record ProcessReceivedBlocks() implements Event {}

  private record ClearMetadata(Time time) implements Event {}

  private record Barrier(CountDownLatch reached) implements Event {}

  private record Shutdown() implements Event {}

  private final DStreamGraph graph;
  private final JobScheduler scheduler;
  private final BlockAllocator blockAllocator;
  private final Duration batchDuration;
  private final RecurringTimer timer;
  private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread eventLoop;
  private final Object barrierLock = new Object();
  private boolean loopEnded;
  private Time lastGenerated; // used by the event loop only

  /**
   * Creates the generator.
   *
   * @param appName the application name, for thread names
   * @param graph the graph to generate jobs from
   * @param scheduler where generated jobs go
   * @param clock the clock that drives the batches
   * @param blockAllocator allocates received blocks to each batch before its jobs are generated
   */
  public JobGenerator(String appName, DStreamGraph graph, JobScheduler scheduler, Clock clock,
      BlockAllocator blockAllocator) {
    this.graph = graph;
    this.scheduler = scheduler;
    this.blockAllocator = blockAllocator;
    this.batchDuration = graph.batchDuration();
    this.timer = new RecurringTimer(clock, batchDuration.milliseconds(),
        time -> events.add(new GenerateJobs(new Time(time))), "dstream-" + appName + "-timer");
    this.eventLoop = new Thread(this::loop, "dstream-" + appName + "-job-generator");
    this.eventLoop.setDaemon(true);
  }

  /**
   * Starts the batches: the first batch time is the first multiple of the batch duration after the clock's
   * current time; the graph's zero time is one batch before it.
   *
   * @param onStarted run once the graph is validated and before the first batch can be generated
   * @return the first batch time
   * @throws IllegalArgumentException if the graph's durations do not fit the batch duration
   */
  public Time start(Runnable onStarted) {
    long first = timer.nextStartTime();
    graph.start(new Time(first).minus(batchDuration));
    onStarted.run();
    eventLoop.start();
    timer.start(first);
    return new Time(first);
  }

  /**
   * Called by the scheduler when every job of a batch has ended.
   *
   * @param time the batch time
   */
  public void onBatchCompleted(Time time) {
    events.add(new ClearMetadata(time));
  }

  /**
   * Stops generating batches.
   *
   * @param graceful true to first generate the batches whose time has already come and then, if received
   *     blocks are still waiting for a batch (the receivers must have stopped by now), one more batch at the
   *     next batch time that takes them; false to drop the batches not generated yet
   */
  public void stop(boolean graceful) {
    timer.stop(graceful);
    if (graceful) {
      events.add(new ProcessReceivedBlocks());
    } else {
      events.removeIf(e -> e instanceof GenerateJobs);
    }
    events.add(new Shutdown());
    if (Thread.currentThread() != eventLoop && eventLoop.isAlive()) {
      try {
        eventLoop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Waits until every event posted before this call (batches to generate, metadata to clear) has been
   * handled.
   *
   * @param timeoutMillis how long to wait at most
   * @return true if handled (or dropped by a stop), false on timeout or if the generator is not running
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitEventsHandled(long timeoutMillis) throws InterruptedException {
    CountDownLatch reached = new CountDownLatch(1);
    synchronized (barrierLock) {
      if (loopEnded || !eventLoop.isAlive()) {
        return false;
      }
      events.add(new Barrier(reached));
    }
    return reached.await(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private void loop() {
    try {
      while (true) {
        Event event = events.take();
        if (event instanceof Shutdown) {
          return;
        }
        try {
          handle(event);
        } catch (RuntimeException | Error e) {
          // One bad event must not end batch generation for the life of the context.
          LOG.error("The job generator could not handle {}; it goes on with the next event", event, e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      releaseWaitersAfterLoopEnd();
    }
  }

  /** Releases whoever waits for events that the ended loop will never handle. */
  private void handle(Event event) {
    if (event instanceof GenerateJobs e) {
      generateJobs(e.time());
    } else if (event instanceof ProcessReceivedBlocks) {
      generateBatchForWaitingBlocks();
    } else if (event instanceof ClearMetadata e) {
      graph.clearMetadata(e.time());
    } else if (event instanceof Barrier e) {
      e.reached().countDown();
    }
  }

  /**
   * Tells whether a thread is the generator's event loop (where a stop must not wait for the loop).
   *
   * @param candidate the thread
   * @return true for the event-loop thread
   */
  public boolean isEventLoopThread(Thread candidate) {
    return candidate == eventLoop;
  }

  private void releaseWaitersAfterLoopEnd() {
    synchronized (barrierLock) {
      loopEnded = true;
    }
    for (Event event : events) {
      if (event instanceof Barrier barrier) {
        barrier.reached().countDown();
      }
    }
  }

  private void generateJobs(Time time) {
    lastGenerated = time;
    List<Job> jobs;
    try {
      blockAllocator.allocateBlocksToBatch(time);
      jobs = graph.generateJobs(time);
    } catch (Throwable e) {
      // The scheduler runs these failing jobs like any others: listeners, logs and awaitTermination see the
      // batch fail with the user's exception.
      jobs = graph.failedJobs(time, e);
    }
    LOG.debug("Generated {} jobs for batch {}", jobs.size(), time);
    scheduler.submitJobSet(new JobSet(time, jobs, graph.recordCounts(time)));
  }

  /**
   * Generates the batch after the last one if received blocks wait for a batch. It is generated at once,
   * before the clock reaches its time, so that a graceful stop does not wait up to a batch interval (nor,
   * on a manual clock, forever) for the data already received.
   */
  private void generateBatchForWaitingBlocks() {
    if (!blockAllocator.hasUnallocatedBlocks()) {
      return;
    }
    Time next = (lastGenerated != null ? lastGenerated : graph.zeroTime()).plus(batchDuration);
    LOG.info("Generating batch {} now for the blocks received before the graceful stop", next);
    generateJobs(next);
  }
}

package io.dstream.internal.scheduler;

import io.dstream.Clock;
import io.dstream.Time;
import io.dstream.checkpoint.internal.FatalErrors;
import io.dstream.internal.rdd.BatchJobScope;
import io.dstream.internal.rdd.UserCodeException;
import io.dstream.internal.scaleout.BatchCommitter;
import io.dstream.internal.stream.Job;
import io.dstream.rdd.JobFailedException;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchStarted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import io.dstream.scheduler.StreamingListenerOutputOperationCompleted;
import io.dstream.scheduler.StreamingListenerOutputOperationStarted;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the jobs of each batch on a pool of {@code dstream.concurrentJobs} threads (by default one, so
 * output operations run one at a time in definition order, and batches in order), tracks each batch's
 * progress and timing, posts the listener events, and reports failures.
 */
public final class JobScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

  private final Clock clock;
  private final ListenerBus bus;
  private final FailureHandler failures;
  private final ThreadPoolExecutor jobExecutor;
  private final ThreadGroup jobThreads;
  private final Map<Time, BatchRun> unfinished = new ConcurrentSkipListMap<>();
  private final List<BatchCommitter> preparing = new CopyOnWriteArrayList<>();
  private final List<BatchCommitter> committing = new CopyOnWriteArrayList<>();
  private volatile Consumer<BatchOutcome> completionSink;
  // Set once the stop interrupts jobs: their failures are the stop's doing, not the user's.
  private volatile boolean interrupting;

  /**
   * Creates the scheduler and its job threads.
   *
   * @param appName the application name, for thread names
   * @param concurrentJobs how many jobs may run at once
   * @param clock the context's clock, for batch timings
   * @param bus where listener events go
   * @param failures receives every job failure, and the fatal errors that end the context
   */
  public JobScheduler(String appName, int concurrentJobs, Clock clock, ListenerBus bus,
      FailureHandler failures) {
    this.clock = clock;
    this.bus = bus;
    this.failures = failures;
    this.jobThreads = new ThreadGroup("dstream-" + appName + "-jobs");
    AtomicInteger ids = new AtomicInteger();
    this.jobExecutor = new ThreadPoolExecutor(concurrentJobs, concurrentJobs, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), runnable -> {
          Thread t = new Thread(jobThreads, runnable, "dstream-" + appName + "-job-" + ids.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Sets where the outcome of every batch goes once all its jobs have ended: the job generator, when it
   * starts. The sink is called on a job thread, after the batch's completed event is posted.
   *
   * @param sink receives each batch's outcome
   * @throws IllegalStateException if a sink is set already
   */
  public void start(Consumer<BatchOutcome> sink) {
    if (completionSink != null) {
      throw new IllegalStateException("the job scheduler was started already; start it once, from its "
          + "job generator");
    }
    completionSink = sink;
  }

  /**
   * Adds a committer that every batch completed from now on goes through (see {@link BatchCommitter}).
   *
   * @param committer the committer
   * @param phase when it runs among the others
   */
  public void addCommitter(BatchCommitter committer, BatchCommitter.Phase phase) {
    (phase == BatchCommitter.Phase.PREPARE ? preparing : committing).add(committer);
  }

  /**
   * Submits a batch's jobs; they run in order on the job threads. A batch without jobs completes on a job
   * thread too, in turn with the jobs of other batches.
   *
   * @param jobSet the batch's jobs
   * @throws IllegalStateException if the scheduler was not {@link #start started}
   */
  public void submitJobSet(JobSet jobSet) {
    if (completionSink == null) {
      throw new IllegalStateException("the job scheduler has not been started: no one would learn that batch "
          + jobSet.time() + " completed; start it before submitting jobs");
    }
    if (jobExecutor.isShutdown()) {
      LOG.debug("Dropping batch {}: the context is stopping", jobSet.time());
      return;
    }
    BatchRun run = new BatchRun(jobSet, clock.getTimeMillis());
    unfinished.put(run.time(), run);
    bus.post(new StreamingListenerBatchSubmitted(run.info()));
    if (jobSet.jobs().isEmpty()) {
      run.completeEmpty(clock.getTimeMillis());
      bus.post(new StreamingListenerBatchStarted(run.info()));
      jobExecutor.execute(() -> completeBatch(run));
      return;
    }
    for (Job job : jobSet.jobs()) {
      jobExecutor.execute(() -> runJob(run, job));
    }
  }

  /**
   * Tells whether a thread is one of this scheduler's job threads, where output operations run.
   *
   * @param thread the thread
   * @return true for a job thread
   */
  public boolean isJobThread(Thread thread) {
    return thread.getThreadGroup() == jobThreads;
  }

  /**
   * Stops accepting jobs, without waiting; {@link #awaitTermination} waits.
   *
   * @param graceful true to let every submitted job run; false to drop queued jobs and interrupt running
   *     ones (except, when a job stops its own context, that job: it must not interrupt itself)
   */
  public void shutdown(boolean graceful) {
    if (graceful) {
      jobExecutor.shutdown();
    } else if (isJobThread(Thread.currentThread())) {
      jobExecutor.getQueue().clear();
      jobExecutor.shutdown();
    } else {
      interrupting = true;
      jobExecutor.shutdownNow();
    }
  }

  /**
   * Waits until the jobs still running after {@link #shutdown} have ended. Must not be called from a job
   * thread.
   *
   * @param timeoutMillis how long to wait for the jobs
   * @return true if every job ended in time, false if some were still running or queued: call
   *     {@link #abandon()}
   */
  public boolean awaitTermination(long timeoutMillis) {
    boolean finished = false;
    try {
      finished = jobExecutor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return finished;
  }

  /**
   * Gives up on the jobs that a stop waited for in vain: drops those not started and interrupts those
   * running (a job that ignores the interrupt runs on, but nothing waits for it any more).
   *
   * @return the batches left unprocessed, for the caller to report
   */
  public AbandonedBatches abandon() {
    interrupting = true;
    SortedMap<Time, Long> records = new TreeMap<>();
    List<String> running = new ArrayList<>();
    for (BatchRun run : unfinished.values()) {
      records.put(run.time(), run.numRecords());
      running.addAll(run.runningJobs());
    }
    jobExecutor.shutdownNow();
    return new AbandonedBatches(records, running);
  }

  private void runJob(BatchRun run, Job job) {
    // Jobs of one batch may run at once (dstream.concurrentJobs > 1). Changing the batch's state and posting
    // the matching event under the run's lock keeps its events in order: batch started before any output
    // operation started, every output operation completed before the batch completed.
    synchronized (run) {
      if (run.jobStarted(job, clock.getTimeMillis())) {
        bus.post(new StreamingListenerBatchStarted(run.info()));
      }
      bus.post(new StreamingListenerOutputOperationStarted(run.outputInfo(job.outputOpId())));
    }
    JobFailedException failure = null;
    BatchJobScope batch = BatchJobScope.enter(job.time());
    try {
      job.body().run();
    } catch (Throwable t) {
      failure = asJobFailure(job, t);
    } finally {
      batch.close();
    }
    boolean last;
    synchronized (run) {
      last = run.jobEnded(job, clock.getTimeMillis(), failure);
      bus.post(new StreamingListenerOutputOperationCompleted(run.outputInfo(job.outputOpId())));
    }
    if (failure != null) {
      report(job, failure);
    }
    if (last) {
      completeBatch(run);
    }
  }

  private void completeBatch(BatchRun run) {
    commit(run, preparing);
    commit(run, committing);
    var info = run.info();
    long end = info.processingEndTime().orElseThrow();
    if (LOG.isInfoEnabled()) {
      LOG.info("Total delay: {} s for time {} (execution: {} s)", seconds(end - run.time().milliseconds()),
          run.time(), seconds(info.processingDelay().orElse(0L)));
    }
    unfinished.remove(run.time());
    bus.post(new StreamingListenerBatchCompleted(info));
    completionSink.accept(new BatchOutcome(run.time(), run.firstFailure()));
  }

  /** Runs committers on a batch; a failing one fails the batch, and the later ones see its failure. */
  private void commit(BatchRun run, List<BatchCommitter> committers) {
    for (BatchCommitter committer : committers) {
      try {
        committer.commit(run.time(), run.firstFailure());
      } catch (Throwable t) {
        Throwable cause = UserCodeException.unwrap(t);
        JobFailedException failure = cause instanceof JobFailedException failed ? failed
            : new JobFailedException("batch " + run.time() + " could not be committed: " + cause, cause);
        // Recorded first, fatal or not: the committers after this one must not commit what it did not prepare.
        run.commitFailed(failure);
        var fatal = FatalErrors.in(t);
        if (fatal.isPresent()) {
          failures.fatalError("the commit of batch " + run.time(), fatal.get());
        } else {
          LOG.error("Batch {} could not be committed", run.time(), cause);
          failures.jobFailed(failure);
        }
      }
    }
  }

  private void report(Job job, JobFailedException failure) {
    var fatal = FatalErrors.in(failure);
    if (fatal.isPresent()) {
      failures.fatalError("output operation " + job.outputOpId() + " (" + job.description() + ") of batch "
          + job.time(), fatal.get());
    } else if (interrupting) {
      // The stop interrupted it: the failure is the stop's doing, and the stop's WARN counts what it left.
      LOG.debug("Output operation {} ({}) of batch {} ended when the stop interrupted it: {}", job.outputOpId(),
          job.description(), job.time(), failure.getMessage());
      failures.jobFailed(failure);
    } else {
      LOG.error("Output operation {} ({}) failed for batch {}", job.outputOpId(), job.description(), job.time(),
          failure.getCause());
      failures.jobFailed(failure);
    }
  }

  private static JobFailedException asJobFailure(Job job, Throwable thrown) {
    if (thrown instanceof JobFailedException failed) {
      return failed;
    }
    Throwable cause = UserCodeException.unwrap(thrown);
    return new JobFailedException("output operation " + job.outputOpId() + " (" + job.description()
        + ") failed for batch " + job.time() + ": " + cause, cause);
  }

  /** Milliseconds as seconds with three decimals; without String.format, which parses its pattern per call. */
  private static String seconds(long millis) {
    return BigDecimal.valueOf(millis, 3).toPlainString();
  }
}

package io.dstream.internal.scheduler;

import io.dstream.Time;
import io.dstream.internal.stream.Job;
import io.dstream.rdd.JobFailedException;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.OutputOperationInfo;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The progress of one submitted batch: which jobs started and ended, when, and how. Thread-safe; its
 * snapshots are the {@link BatchInfo}s listeners receive.
 */
final class BatchRun {
  private final JobSet jobSet;
  private final long submissionTime;
  private final Map<Integer, OutputOperationInfo> outputs = new TreeMap<>();
  private Long processingStart;
  private Long processingEnd;
  private int unfinishedJobs;
  private JobFailedException firstFailure;

  BatchRun(JobSet jobSet, long submissionTime) {
    this.jobSet = jobSet;
    this.submissionTime = submissionTime;
    this.unfinishedJobs = jobSet.jobs().size();
    for (Job job : jobSet.jobs()) {
      outputs.put(job.outputOpId(), info(job, Optional.empty(), Optional.empty(), Optional.empty()));
    }
  }

  Time time() {
    return jobSet.time();
  }

  /** Records a job's start; returns true if it is the batch's first. */
  synchronized boolean jobStarted(Job job, long now) {
    outputs.put(job.outputOpId(), info(job, Optional.of(now), Optional.empty(), Optional.empty()));
    if (processingStart == null) {
      processingStart = now;
      return true;
    }
    return false;
  }

  /** Records a job's end; returns true if it was the batch's last. */
  synchronized boolean jobEnded(Job job, long now, JobFailedException failure) {
    OutputOperationInfo started = outputs.get(job.outputOpId());
    Optional<Throwable> cause = Optional.ofNullable(failure).map(f -> f.getCause() != null ? f.getCause() : f);
    outputs.put(job.outputOpId(), info(job, started.startTime(), Optional.of(now), cause));
    if (failure != null && firstFailure == null) {
      firstFailure = failure;
    }
    unfinishedJobs--;
    if (unfinishedJobs == 0) {
      processingEnd = now;
      return true;
    }
    return false;
  }

  /** Records that the batch's jobs ended but its commit failed; the first failure stays the batch's. */
  synchronized void commitFailed(JobFailedException failure) {
    if (firstFailure == null) {
      firstFailure = failure;
    }
  }

  /** Marks a batch without jobs as processed at once. */
  synchronized void completeEmpty(long now) {
    processingStart = now;
    processingEnd = now;
  }

  /** Returns the input records of the batch, as far as its input streams know them. */
  long numRecords() {
    return jobSet.streamIdToNumRecords().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Describes the jobs that have started and not ended. */
  synchronized List<String> runningJobs() {
    return outputs.values().stream().filter(info -> info.startTime().isPresent() && info.endTime().isEmpty())
        .map(info -> "output operation " + info.id() + " (" + info.description() + ") of batch " + time())
        .toList();
  }

  synchronized OutputOperationInfo outputInfo(int outputOpId) {
    return outputs.get(outputOpId);
  }

  synchronized JobFailedException firstFailure() {
    return firstFailure;
  }

  synchronized BatchInfo info() {
    return new BatchInfo(jobSet.time(), jobSet.streamIdToNumRecords(), submissionTime, Optional.ofNullable(processingStart),
        Optional.ofNullable(processingEnd), Collections.unmodifiableMap(new TreeMap<>(outputs)));
  }

  private static OutputOperationInfo info(Job job, Optional<Long> start, Optional<Long> end,
      Optional<Throwable> failure) {
    String description = job.description();
    int space = description.indexOf(' ');
    String name = space < 0 ? description : description.substring(0, space);
    return new OutputOperationInfo(job.time(), job.outputOpId(), name, description, start, end, failure);
  }
}

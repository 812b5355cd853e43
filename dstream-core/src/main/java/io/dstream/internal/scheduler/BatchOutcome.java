package io.dstream.internal.scheduler;

import io.dstream.Time;
import io.dstream.rdd.JobFailedException;

/**
 * How a batch ended, for code that waits for a particular batch (the test kit).
 *
 * @param time the batch time
 * @param failure the batch's first failure, or null if every job succeeded
 */
public record BatchOutcome(Time time, JobFailedException failure) {}

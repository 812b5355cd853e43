package io.dstream.internal.scheduler;

import io.dstream.Time;
import java.util.List;

/**
 * The jobs of one batch, in output-operation order.
 *
 * @param time the batch time
 * @param jobs the jobs; may be empty when no output has an RDD at this time
 * @param numRecords the records the inputs put into the batch, where known
 */
public record JobSet(Time time, List<Job> jobs, long numRecords) {}

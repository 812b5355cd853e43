package io.dstream.internal.scheduler;

import io.dstream.Time;
import io.dstream.internal.stream.Job;
import java.util.List;
import java.util.Map;

/**
 * The jobs of one batch, in output-operation order.
 *
 * @param time the batch time
 * @param jobs the jobs; may be empty when no output has an RDD at this time
 * @param streamIdToNumRecords the records each input stream put into the batch, where known, by stream id
 */
public record JobSet(Time time, List<Job> jobs, Map<Integer, Long> streamIdToNumRecords) {}

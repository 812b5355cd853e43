package io.dstream.kafka.internal;

import io.dstream.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * The batches whose output one transactional writer has committed, as a marker committed inside each of its
 * transactions (the offset metadata of a consumer group named after the writer's transactional id): the newest
 * {@link #RETAINED} batch times. A batch run again after a restart finds its time here if an earlier attempt
 * committed it, and is then not written a second time.
 *
 * <p>A batch older than every retained time of a full marker cannot be told apart: it counts as not committed
 * (so nothing is lost), and {@link #forgotten} lets the writer warn that it may be written twice. That takes a
 * batch left unfinished while {@value #RETAINED} later batches committed, then run again by a restart.
 */
public final class CommittedBatches {
  /** How many batch times the marker keeps: about 2,800 bytes of metadata, under Kafka's default limit of 4096. */
  static final int RETAINED = 200;
  private static final String PREFIX = "dstream-sink batches=";

  private final TreeSet<Long> times = new TreeSet<>();

  /**
   * Reads the marker from a group's committed offsets.
   *
   * @param committed the group's committed offsets (empty for a writer that never committed)
   * @return the committed batches
   * @throws IllegalStateException if an offset's metadata is not a marker: the group belongs to something else
   */
  public static CommittedBatches of(Map<?, OffsetAndMetadata> committed) {
    CommittedBatches batches = new CommittedBatches();
    for (OffsetAndMetadata marker : committed.values()) {
      if (marker == null) {
        continue;
      }
      String metadata = marker.metadata();
      if (metadata == null || !metadata.startsWith(PREFIX)) {
        throw new IllegalStateException("the consumer group holds the offset metadata '" + metadata + "', which "
            + "is no dstream Kafka sink's marker: something else uses the consumer group named after the sink's "
            + "transactional id; give the sink another name");
      }
      String list = metadata.substring(PREFIX.length());
      if (!list.isEmpty()) {
        for (String time : list.split(",")) {
          batches.times.add(Long.parseLong(time));
        }
      }
    }
    batches.trim();
    return batches;
  }

  /**
   * Tells whether a batch was committed.
   *
   * @param batch the batch time
   * @return true if its time is retained
   */
  public boolean contains(Time batch) {
    return times.contains(batch.milliseconds());
  }

  /**
   * Tells whether a batch is older than what the marker can tell: not retained, and older than every retained
   * time of a full marker.
   *
   * @param batch the batch time
   * @return true if it may have been committed and forgotten since
   */
  public boolean forgotten(Time batch) {
    return times.size() == RETAINED && batch.milliseconds() < times.first();
  }

  /**
   * Returns the marker that records one more committed batch, to commit with that batch's transaction; this
   * object is unchanged until {@link #add} is called after the commit succeeded.
   *
   * @param batch the batch time
   * @return the offset (the batch time) and metadata to commit
   */
  public OffsetAndMetadata markerWith(Time batch) {
    TreeSet<Long> next = new TreeSet<>(times);
    next.add(batch.milliseconds());
    while (next.size() > RETAINED) {
      next.pollFirst();
    }
    List<String> parts = new ArrayList<>(next.size());
    next.forEach(time -> parts.add(Long.toString(time)));
    return new OffsetAndMetadata(next.last(), PREFIX + String.join(",", parts));
  }

  /**
   * Records a batch whose transaction committed.
   *
   * @param batch the batch time
   */
  public void add(Time batch) {
    times.add(batch.milliseconds());
    trim();
  }

  private void trim() {
    while (times.size() > RETAINED) {
      times.pollFirst();
    }
  }

  @Override
  public String toString() {
    return "CommittedBatches" + times;
  }
}

package io.dstream.kafka.internal;

import io.dstream.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
  /**
   * How many batches the marker keeps: at most about 2,900 bytes of metadata (a 13-digit time and a partition
   * count of up to 4 digits each), under Kafka's default limit of 4096.
   */
  static final int RETAINED = 150;
  private static final String PREFIX = "dstream-sink batches=";

  // Batch time to the number of partitions the batch had when it was committed.
  private final TreeMap<Long, Integer> partitionsByTime = new TreeMap<>();

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
        for (String entry : list.split(",")) {
          int colon = entry.indexOf(':');
          batches.partitionsByTime.put(Long.parseLong(entry.substring(0, colon)),
              Integer.parseInt(entry.substring(colon + 1)));
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
    return partitionsByTime.containsKey(batch.milliseconds());
  }

  /**
   * Returns how many partitions a committed batch had.
   *
   * @param batch the batch time, which {@link #contains}
   * @return the number of partitions of the batch's RDD when it was committed
   */
  public int partitionsOf(Time batch) {
    return partitionsByTime.get(batch.milliseconds());
  }

  /**
   * Tells whether a batch is older than what the marker can tell: not retained, and older than every retained
   * time of a full marker.
   *
   * @param batch the batch time
   * @return true if it may have been committed and forgotten since
   */
  public boolean forgotten(Time batch) {
    return partitionsByTime.size() == RETAINED && batch.milliseconds() < partitionsByTime.firstKey();
  }

  /**
   * Returns the marker that records one more committed batch, to commit with that batch's transaction; this
   * object is unchanged until {@link #add} is called after the commit succeeded.
   *
   * @param batch the batch time
   * @param partitions the number of partitions of the batch's RDD
   * @return the offset (the batch time) and metadata to commit
   */
  public OffsetAndMetadata markerWith(Time batch, int partitions) {
    TreeMap<Long, Integer> next = new TreeMap<>(partitionsByTime);
    next.put(batch.milliseconds(), partitions);
    while (next.size() > RETAINED) {
      next.pollFirstEntry();
    }
    List<String> parts = new ArrayList<>(next.size());
    next.forEach((time, count) -> parts.add(time + ":" + count));
    return new OffsetAndMetadata(next.lastKey(), PREFIX + String.join(",", parts));
  }

  /**
   * Records a batch whose transaction committed.
   *
   * @param batch the batch time
   * @param partitions the number of partitions of the batch's RDD
   */
  public void add(Time batch, int partitions) {
    partitionsByTime.put(batch.milliseconds(), partitions);
    trim();
  }

  private void trim() {
    while (partitionsByTime.size() > RETAINED) {
      partitionsByTime.pollFirstEntry();
    }
  }

  @Override
  public String toString() {
    return "CommittedBatches" + partitionsByTime;
  }
}

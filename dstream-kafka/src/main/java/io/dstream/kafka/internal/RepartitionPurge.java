package io.dstream.kafka.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the records of repartition topics that every batch reading them has committed: nobody reads them
 * again (a new owner starts at the committed offset), so without this the topics would only grow. Done after
 * a batch's commit, at most once per interval, without waiting for the broker; a failed deletion is logged at
 * DEBUG and left to the next deletion of the partition (at a later committed offset).
 */
final class RepartitionPurge {
  private static final Logger LOG = LoggerFactory.getLogger(RepartitionPurge.class);

  private final Admin admin;
  private final long intervalNanos;
  private final Set<String> topics = ConcurrentHashMap.newKeySet();
  // Offsets committed since the last deletion, and those the deletions reached; guarded by this.
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private final Map<TopicPartition, Long> purged = new HashMap<>();
  private long lastPurge; // guarded by this
  private boolean purgedOnce; // guarded by this

  /**
   * Creates the purge.
   *
   * @param admin deletes the records
   * @param intervalMillis the least time between two deletions
   */
  RepartitionPurge(Admin admin, long intervalMillis) {
    this.admin = admin;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
  }

  /**
   * Adds a repartition topic.
   *
   * @param topic the topic
   */
  void add(String topic) {
    topics.add(topic);
  }

  /**
   * Notes the offsets a batch committed, and deletes the records before them if the interval has passed.
   *
   * @param offsets the batch's committed offsets, of every topic it read
   */
  synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((partition, offset) -> {
      if (topics.contains(partition.topic()) && offset.offset() > purged.getOrDefault(partition, 0L)) {
        committed.put(partition, offset.offset());
      }
    });
    long now = System.nanoTime();
    if (committed.isEmpty() || (purgedOnce && now - lastPurge < intervalNanos)) {
      return;
    }
    purgedOnce = true;
    lastPurge = now;
    Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
    committed.forEach((partition, offset) -> deletions.put(partition, RecordsToDelete.beforeOffset(offset)));
    purged.putAll(committed);
    committed.clear();
    admin.deleteRecords(deletions).all().whenComplete((done, failure) -> {
      if (failure != null) {
        LOG.debug("Could not delete the consumed records of the repartition topics ({}); the next purge "
            + "tries again", failure.toString());
      }
    });
  }
}

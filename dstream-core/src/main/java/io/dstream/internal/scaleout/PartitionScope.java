package io.dstream.internal.scaleout;

import io.dstream.Time;
import io.dstream.rdd.Partitioner;
import java.util.Set;

/**
 * Where the records of a keyed stream live in a scale-out application: in the partitions of a Kafka topic
 * (partition {@code p} of the stream's RDDs is partition {@code p} of the topic), of which this instance owns a
 * share that changes between batches. The module that reads such a topic implements it (dstream-kafka's
 * repartition streams); a state stream downstream of one keeps its state per partition, writes the state's
 * changes to a changelog, and restores a partition it gains from that changelog.
 */
public interface PartitionScope {
  /**
   * Returns the partitioner that places keys as the topic does: one partition per topic partition.
   *
   * @return the partitioner
   */
  Partitioner partitioner();

  /**
   * Returns which partitions this instance owns at a batch. Called on the job generator's thread while the
   * batch is generated, after the scope's input has computed the batch.
   *
   * @param batch the batch time
   * @return the partitions owned, and those of them that were not owned at the previous batch
   * @throws IllegalStateException if the input has not computed the batch
   */
  Ownership ownership(Time batch);

  /**
   * Returns the changelog of one state kept in this scope, opening it on first use.
   *
   * @param stateKey the state stream's stable key (the same in every instance of the application)
   * @return the changelog
   */
  StateChangelog changelog(String stateKey);

  /**
   * Describes the scope for messages, such as {@code the partitions of topic words-by-key}.
   *
   * @return the description
   */
  String describe();

  /**
   * The partitions an instance owns at one batch.
   *
   * @param owned the partitions owned
   * @param gained those of them that were not owned at the previous batch: their state must be restored
   */
  record Ownership(Set<Integer> owned, Set<Integer> gained) {
    /**
     * Copies the sets.
     *
     * @param owned the partitions owned
     * @param gained those of them that were not owned at the previous batch
     * @throws IllegalArgumentException if a gained partition is not owned
     */
    public Ownership {
      owned = Set.copyOf(owned);
      gained = Set.copyOf(gained);
      if (!owned.containsAll(gained)) {
        throw new IllegalArgumentException("gained partitions " + gained + " must be owned " + owned);
      }
    }
  }
}

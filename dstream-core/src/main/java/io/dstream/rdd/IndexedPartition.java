package io.dstream.rdd;

/**
 * A partition of an RDD, known by the RDD's id and its index.
 *
 * @param rddId the id of the RDD
 * @param index the partition's index
 */
record IndexedPartition(int rddId, int index) implements Partition {}

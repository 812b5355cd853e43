package io.dstream.rdd;

/**
 * One partition of an RDD, as {@link RDD#partitions()} lists them (Spark's {@code org.apache.spark.Partition}):
 * what a task computes.
 *
 * <pre>{@code
 * int n = ssc.parallelize(List.of(1, 2, 3), 3).partitions().size();   // 3
 * }</pre>
 */
public interface Partition {
  /**
   * Returns the partition's index in its RDD: 0 for the first.
   *
   * @return the index
   */
  int index();
}

package org.apache.spark.streaming;

import java.util.ArrayList;
import java.util.List;

/** The batches an output stream collected, each as its RDD's partitions, as Spark's test output stream keeps them. */
final class PartitionedOutput<T> {
  private final List<List<List<T>>> batches = new ArrayList<>();

  synchronized void add(List<List<T>> partitions) {
    List<List<T>> copy = new ArrayList<>();
    for (List<T> partition : partitions) {
      copy.add(new ArrayList<>(partition));
    }
    batches.add(copy);
  }

  synchronized List<List<List<T>>> batches() {
    return new ArrayList<>(batches);
  }
}

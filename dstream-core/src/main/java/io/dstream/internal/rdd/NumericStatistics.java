package io.dstream.internal.rdd;

import io.dstream.rdd.StatCounter;
import java.util.Iterator;

/**
 * The statistics of an RDD of numbers ({@code DoubleRDD}): its sum and its {@link StatCounter}, each in one
 * job whose tasks summarize their partition; the caller merges the summaries in partition order, so the
 * result does not depend on which task ends first.
 */
public final class NumericStatistics {
  private NumericStatistics() {}

  /**
   * Adds up the records with compensated (Neumaier) summation, which keeps the rounding error from growing
   * with the number of records.
   *
   * @param node the numbers, none null
   * @return the sum; 0 for no records
   * @throws io.dstream.rdd.JobFailedException if a task fails (a null record fails it)
   */
  public static double sum(RddNode<Double> node) {
    CompensatedSum total = new CompensatedSum();
    for (CompensatedSum partial : node.engine().jobRunner().runJob(node, (p, records) -> sumOf(records))) {
      total.add(partial.sum);
      total.add(partial.compensation);
    }
    return total.value();
  }

  /**
   * Counts the records and computes their mean, variance, maximum and minimum.
   *
   * @param node the numbers, none null
   * @return a new counter
   * @throws io.dstream.rdd.JobFailedException if a task fails (a null record fails it)
   */
  public static StatCounter stats(RddNode<Double> node) {
    StatCounter all = new StatCounter();
    for (StatCounter partial : node.engine().jobRunner().runJob(node, (p, records) -> {
      StatCounter counter = new StatCounter();
      while (records.hasNext()) {
        counter.merge(records.next());
      }
      return counter;
    })) {
      all.merge(partial);
    }
    return all;
  }

  private static CompensatedSum sumOf(Iterator<Double> records) {
    CompensatedSum sum = new CompensatedSum();
    while (records.hasNext()) {
      sum.add(records.next());
    }
    return sum;
  }

  /** A running sum and the low-order bits that adding to it lost. */
  private static final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double value) {
      double next = sum + value;
      compensation += Math.abs(sum) >= Math.abs(value) ? (sum - next) + value : (value - next) + sum;
      sum = next;
    }

    double value() {
      return sum + compensation;
    }
  }
}

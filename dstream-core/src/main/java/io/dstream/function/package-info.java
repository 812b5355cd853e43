/**
 * The functional interfaces that user code passes to RDD and DStream operations. Their names and shapes
 * follow Spark's Java API ({@code org.apache.spark.api.java.function}), so lambdas port unchanged; every
 * {@code call} may throw a checked exception, which fails the task that ran it.
 */
package io.dstream.function;

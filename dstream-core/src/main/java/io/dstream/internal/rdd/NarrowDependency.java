package io.dstream.internal.rdd;

/**
 * A dependency in which each child partition reads a bounded set of parent partitions directly, inside its
 * own task (map, filter, union, coalesce...).
 *
 * @param parent the parent node
 */
public record NarrowDependency(RddNode<?> parent) implements Dependency {}

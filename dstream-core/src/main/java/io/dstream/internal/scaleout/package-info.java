/**
 * The seams of a scale-out application ({@code dstream.application.id}), which a module that shares the work of
 * several instances through an external system (dstream-kafka) implements: the commit point of each batch
 * ({@link io.dstream.internal.scaleout.BatchCommitter}), and keyed state that lives in the partitions an instance
 * owns, with a changelog of its changes ({@link io.dstream.internal.scaleout.PartitionScope},
 * {@link io.dstream.internal.scaleout.StateChangelog}).
 */
package io.dstream.internal.scaleout;

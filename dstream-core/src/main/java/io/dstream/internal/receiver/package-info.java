/**
 * The receivers in the engine: the {@link io.dstream.internal.receiver.ReceiverTracker} wires the receiver
 * streams to a {@code ReceiverLauncher}, which runs one {@code ReceiverSupervisor} per receiver stream on the
 * receivers' clock, and a {@code BlockLedger}, which collects the blocks they store, allocates them to
 * batches, serves them to each batch's RDD, deletes them once no batch needs them, and, with the write-ahead
 * log, logs blocks and allocations so that a restarted application processes every block it received.
 */
package io.dstream.internal.receiver;

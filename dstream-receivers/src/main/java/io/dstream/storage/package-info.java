/**
 * Storage of received blocks and persisted datasets: {@link io.dstream.storage.StorageLevel} says where
 * and how data is kept, {@link io.dstream.storage.BlockId} names a stored block, and
 * {@link io.dstream.storage.BlockStoreException} reports a block that could not be written or read.
 */
package io.dstream.storage;

package io.dstream.internal.receiver;

import io.dstream.storage.BlockId;

/**
 * A block a receiver stored, as the tracker keeps it from its report until the batch that took it is
 * forgotten.
 *
 * @param id the block's id in the block manager
 * @param numRecords how many records it holds
 * @param logged where the write-ahead log holds a copy, or null when the log is off
 */
record ReceivedBlock(BlockId id, long numRecords, LoggedBlock logged) {}

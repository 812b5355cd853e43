package io.dstream.receiver.internal;

import io.dstream.storage.BlockId;

/**
 * A block that a receiver's supervisor has stored, as reported to the tracker in dstream-core, which
 * allocates it to the next batch.
 *
 * @param streamId the input stream the block belongs to
 * @param blockId where the block is stored
 * @param numRecords how many records it holds
 * @param metadata the object the receiver passed with {@code store(records, metadata)}, or null
 */
public record ReceivedBlockInfo(int streamId, BlockId blockId, long numRecords, Object metadata) {}

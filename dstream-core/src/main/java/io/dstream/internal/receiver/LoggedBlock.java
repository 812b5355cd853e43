package io.dstream.internal.receiver;

import io.dstream.checkpoint.internal.wal.RecordHandle;

/**
 * Where the write-ahead log keeps a copy of a block.
 *
 * @param handle the log record holding the block
 * @param timeMs the record's time, which decides when the log may delete it
 */
record LoggedBlock(RecordHandle handle, long timeMs) {}

package io.dstream.internal.receiver;

import com.esotericsoftware.kryo.Kryo;

/** Registers the write-ahead log's record types with Kryo, so that the log works with registration required. */
public final class LoggedEventTypes {
  private LoggedEventTypes() {}

  /**
   * Registers the record types; the order fixes their ids in the log: append, never reorder.
   *
   * @param kryo the Kryo instance
   */
  public static void register(Kryo kryo) {
    // Where the record BlockId of earlier versions was registered: the same bytes (see BlockName).
    kryo.register(BlockName.class);
    kryo.register(LoggedEvent.BlockAdded.class);
    kryo.register(LoggedEvent.BatchAllocated.class);
    kryo.register(LoggedEvent.BatchesForgotten.class);
  }
}

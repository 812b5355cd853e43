package io.dstream.internal.receiver;

import io.dstream.storage.BlockId;

/**
 * The persisted form of a {@link BlockId} in the write-ahead log and the metadata checkpoint: its name. It is
 * a final record of one string, registered where the record {@code BlockId} of earlier versions was, so that
 * logs and checkpoints written by those versions read back, byte for byte.
 *
 * @param name the block's name
 */
public record BlockName(String name) {
  /**
   * Returns the persisted form of an id.
   *
   * @param id the id
   * @return its name
   */
  public static BlockName of(BlockId id) {
    return new BlockName(id.name());
  }

  /**
   * Returns the id this name stands for.
   *
   * @return the id
   */
  public BlockId id() {
    return BlockId.parse(name);
  }

  /** Returns the block's name, as the id's own {@code toString} does. */
  @Override
  public String toString() {
    return name;
  }
}

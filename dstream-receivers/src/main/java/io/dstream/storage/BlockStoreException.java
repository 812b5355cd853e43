package io.dstream.storage;

/**
 * Thrown when a block cannot be written or read: a disk write or read fails, a block file is corrupt or
 * truncated, or a received block fits nowhere its storage level allows. The message names the block and, for
 * disk errors, the file.
 */
public final class BlockStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final BlockId blockId;

  /**
   * Creates the exception.
   *
   * @param blockId the block that could not be written or read
   * @param message what failed, naming the block
   * @param cause the underlying error, or null
   */
  public BlockStoreException(BlockId blockId, String message, Throwable cause) {
    super(message, cause);
    this.blockId = blockId;
  }

  /**
   * Returns the block that could not be written or read.
   *
   * @return the block's id
   */
  public BlockId blockId() {
    return blockId;
  }
}

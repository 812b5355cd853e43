package io.dstream.storage.internal;

/** Reaches a block manager's replicas for tests outside its package: the package-private seam, made public here. */
public final class Replicas {
  private Replicas() {}

  /** Returns replica 0 or 1 of a block manager. */
  public static ReplicaStore of(BlockManager blocks, int index) {
    return blocks.replica(index);
  }
}

/**
 * The block store engine: {@link io.dstream.storage.internal.BlockManager} and its two
 * {@link io.dstream.storage.internal.ReplicaStore}s, each a bounded LRU memory store over a disk store.
 * Users do not import this package; dstream-core uses it for received blocks and persisted datasets.
 */
package io.dstream.storage.internal;

package io.dstream.storage.internal;

/**
 * The received blocks that a stop refused to store because they waited for room that no batch would make
 * any more: their records are lost.
 *
 * @param blocks how many blocks
 * @param records how many records they held
 */
public record RefusedStores(int blocks, long records) {}

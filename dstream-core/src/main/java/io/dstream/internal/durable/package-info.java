/**
 * Where a context's durable data lives under its checkpoint directory: one layout for the metadata
 * checkpoints, the state snapshots and the write-ahead logs. Below the stream, state, receiver and
 * checkpoint packages, which all reach it, and depending on none of them.
 */
package io.dstream.internal.durable;

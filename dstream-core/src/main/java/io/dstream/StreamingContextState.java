package io.dstream;

/**
 * The lifecycle of a {@link StreamingContext}: {@code INITIALIZED -> ACTIVE -> STOPPED}, each step once.
 */
public enum StreamingContextState {
  /** Created; streams and output operations may be defined; not yet started. */
  INITIALIZED,
  /** Started: batches are being generated and run; no new streams may be defined. */
  ACTIVE,
  /** Stopped: cannot be started again; create a new context instead. */
  STOPPED
}

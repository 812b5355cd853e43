/**
 * The test kit: {@link io.dstream.testing.TestStreamingContext} runs a pipeline on a manual clock, batch
 * by batch, deterministically, with the same engine as production.
 */
package io.dstream.testing;

/**
 * Backpressure: the rate controller that turns each completed batch's delays and record count into a new rate
 * for an input stream's source (a receiver, or a Kafka direct stream that caps its next batches).
 */
package io.dstream.internal.backpressure;

/**
 * The receiving engine: {@link io.dstream.receiver.internal.ReceiverSupervisor} runs a receiver,
 * {@link io.dstream.receiver.internal.BlockGenerator} cuts its records into blocks,
 * {@link io.dstream.receiver.internal.RateLimiter} and
 * {@link io.dstream.receiver.internal.PIDRateEstimator} control its rate. Blocks are stored through a
 * {@link io.dstream.receiver.internal.ReceivedBlockHandler} and reported to a
 * {@link io.dstream.receiver.internal.ReceiverListener}, which dstream-core implements. Users do not import
 * this package.
 */
package io.dstream.receiver.internal;

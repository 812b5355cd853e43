/**
 * Monitoring a running context: {@link io.dstream.scheduler.StreamingListener} and the batch and output
 * operation information its events carry.
 */
package io.dstream.scheduler;

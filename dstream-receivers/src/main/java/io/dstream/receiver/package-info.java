/**
 * The Receiver API: extend {@link io.dstream.receiver.Receiver} to bring data from a source of your own
 * into dstream.
 */
package io.dstream.receiver;

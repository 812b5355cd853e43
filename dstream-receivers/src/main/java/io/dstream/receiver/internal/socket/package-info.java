/**
 * Receivers for TCP sources: text lines ({@link io.dstream.receiver.internal.socket.SocketTextReceiver}),
 * records decoded by a converter ({@link io.dstream.receiver.internal.socket.SocketReceiver}), and
 * length-prefixed serialized blocks ({@link io.dstream.receiver.internal.socket.RawSocketReceiver}).
 */
package io.dstream.receiver.internal.socket;

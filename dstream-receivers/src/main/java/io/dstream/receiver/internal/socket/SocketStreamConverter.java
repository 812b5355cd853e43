package io.dstream.receiver.internal.socket;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

/**
 * Turns the bytes of a connection into records, for {@link SocketReceiver}. It is called once per
 * connection; the iterator it returns is read until it ends (the server closed the connection) or the
 * receiver stops.
 *
 * @param <T> the type of the records
 */
@FunctionalInterface
public interface SocketStreamConverter<T> {
  /**
   * Starts reading records from a connection.
   *
   * @param in the connection's input; closed by the receiver
   * @return the records, read lazily; its methods may throw unchecked exceptions for read errors
   * @throws IOException if reading fails
   */
  Iterator<T> convert(InputStream in) throws IOException;
}

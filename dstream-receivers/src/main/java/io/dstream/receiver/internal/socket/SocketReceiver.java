package io.dstream.receiver.internal.socket;

import io.dstream.storage.StorageLevel;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

/**
 * Receives records from a TCP server, turning the connection's bytes into records with a
 * {@link SocketStreamConverter}; each record is stored on its own ({@code store(T)}), so records are cut
 * into blocks every block interval and obey the rate limit. What {@code ssc.socketStream(...)} runs.
 *
 * @param <T> the type of the records
 */
public class SocketReceiver<T> extends AbstractSocketReceiver<T> {
  private final SocketStreamConverter<T> converter;

  /**
   * Creates the receiver.
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @param converter turns each connection's bytes into records
   * @param storageLevel where the received blocks are kept
   * @throws IllegalArgumentException if the converter is null, the host is blank, the port is out of range
   *     or the level keeps nothing
   */
  public SocketReceiver(String host, int port, SocketStreamConverter<T> converter, StorageLevel storageLevel) {
    super(host, port, storageLevel);
    if (converter == null) {
      throw new IllegalArgumentException("the converter of a socket receiver must not be null");
    }
    this.converter = converter;
  }

  @Override
  protected final void receive(InputStream in, BooleanSupplier open) throws IOException {
    Iterator<T> records = converter.convert(in);
    while (open.getAsBoolean() && records.hasNext()) {
      store(records.next());
    }
  }
}

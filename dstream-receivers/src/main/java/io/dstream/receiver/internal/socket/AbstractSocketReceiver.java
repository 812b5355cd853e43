package io.dstream.receiver.internal.socket;

import io.dstream.receiver.Receiver;
import io.dstream.storage.StorageLevel;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receiver that connects to a TCP server and reads what it sends; subclasses say how the bytes become
 * records. Each start opens one connection on a thread of its own. A refused connection, a connection the
 * server closes, and an error while reading all end in {@link #restart(String, Throwable)}, so the
 * supervisor reconnects after the restart delay; {@link #onStop()} closes the connection, which ends a
 * blocked connect or read.
 *
 * @param <T> the type of the records
 */
public abstract class AbstractSocketReceiver<T> extends Receiver<T> {
  private static final Logger LOG = LoggerFactory.getLogger(AbstractSocketReceiver.class);

  private final String host;
  private final int port;
  private volatile Connection connection;

  /**
   * Creates the receiver.
   *
   * @param host the server's host name or address
   * @param port the server's port, 1 to 65535
   * @param storageLevel where the received blocks are kept
   * @throws IllegalArgumentException if the host is blank, the port is out of range, or the level keeps
   *     nothing
   */
  protected AbstractSocketReceiver(String host, int port, StorageLevel storageLevel) {
    super(storageLevel);
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the host of a socket receiver must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("the port of a socket receiver must be 1 to 65535, got " + port);
    }
    this.host = host;
    this.port = port;
  }

  /**
   * Reads records from a connection and stores them, until the stream ends or {@code open} turns false.
   *
   * @param in the connection's input
   * @param open tells whether to go on: false once the receiver is stopped or restarting
   * @throws IOException if reading fails or the data is malformed; the receiver then restarts
   */
  protected abstract void receive(InputStream in, BooleanSupplier open) throws IOException;

  /** Connects on a new thread and starts receiving. */
  @Override
  public void onStart() {
    Connection next = new Connection();
    connection = next;
    Thread thread = new Thread(next::run, "dstream-socket-receiver-" + address());
    thread.setDaemon(true);
    thread.start();
  }

  /** Closes the connection; the receiving thread then ends. */
  @Override
  public void onStop() {
    Connection current = connection;
    if (current != null) {
      current.close();
    }
  }

  /**
   * Returns the server's address.
   *
   * @return {@code host:port}
   */
  public final String address() {
    return host + ":" + port;
  }

  /** One connection: its socket, its thread's work, and whether it has been closed by onStop. */
  private final class Connection {
    private final Socket socket = new Socket();
    private volatile boolean closed;

    void run() {
      try {
        socket.connect(new InetSocketAddress(host, port));
      } catch (IOException | RuntimeException e) {
        if (isOpen()) {
          restart("cannot connect to " + address() + ": " + e.getMessage(), e);
        }
        closeSocket();
        return;
      }
      LOG.info("Connected to {}", address());
      try {
        receive(socket.getInputStream(), this::isOpen);
        if (isOpen()) {
          restart("the server at " + address() + " closed the connection");
        }
      } catch (Throwable e) {
        if (isOpen()) {
          restart("error while receiving from " + address() + ": " + e, e);
        } else {
          LOG.debug("Receiving from {} ended with {} after the receiver was stopped", address(), e.toString());
        }
      } finally {
        closeSocket();
      }
    }

    boolean isOpen() {
      return !closed && !isStopped();
    }

    void close() {
      closed = true;
      closeSocket();
    }

    private void closeSocket() {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("Closing the connection to {} failed: {}", address(), e.toString());
      }
    }
  }
}

package io.dstream.receiver.internal.socket;

import io.dstream.receiver.internal.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A TCP server on 127.0.0.1 and a free port, started by a test to play the source. */
final class LoopbackServer implements AutoCloseable {
  static final String HOST = "127.0.0.1";

  private final ServerSocket server;

  LoopbackServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    server.setSoTimeout((int) (Await.TIMEOUT_SECONDS * 1000));
  }

  int port() {
    return server.getLocalPort();
  }

  /** Waits for the receiver to connect; fails with a timeout if it never does. */
  Socket accept() throws IOException {
    Socket client = server.accept();
    client.setSoTimeout((int) (Await.TIMEOUT_SECONDS * 1000));
    return client;
  }

  /** Returns a port that nothing listens on: connecting to it is refused. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}

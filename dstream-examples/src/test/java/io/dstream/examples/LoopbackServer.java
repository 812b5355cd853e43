package io.dstream.examples;

import io.dstream.StreamingConf;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A TCP server on the loopback interface, on a free port, that a test feeds lines through: the stand-in for
 * {@code nc -lk 9999}. Accepting waits at most {@link #TIMEOUT_MILLIS}, so a receiver that never connects
 * fails the test instead of hanging it. Closing it closes every connection it accepted.
 */
final class LoopbackServer implements AutoCloseable {
  /** How long an accept waits for the receiver to connect. */
  static final int TIMEOUT_MILLIS = 20_000;

  private final ServerSocket server;
  private final List<Socket> connections = new ArrayList<>();

  private LoopbackServer(ServerSocket server) {
    this.server = server;
  }

  /** Code that talks to the server's clients. */
  interface Conversation {
    void run() throws IOException;
  }

  /**
   * Starts a server on a free port of the loopback interface.
   *
   * @return the server, accepting connections
   * @throws IOException if no port can be bound
   */
  static LoopbackServer start() throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    server.setSoTimeout(TIMEOUT_MILLIS);
    return new LoopbackServer(server);
  }

  /**
   * Returns a configuration for contexts that receive from a test server: {@code local[2]}, blocks every
   * 50 ms and reconnections after 100 ms, so that tests wait less than with the defaults.
   *
   * @param appName the application name
   * @return the configuration
   */
  static StreamingConf receiverConf(String appName) {
    return new StreamingConf().setMaster("local[2]").setAppName(appName)
        .set("dstream.blockInterval", "50ms")
        .set("dstream.receiver.restartDelay", "100ms");
  }

  /** Returns the address a receiver connects to. */
  String host() {
    return server.getInetAddress().getHostAddress();
  }

  /** Returns the port a receiver connects to. */
  int port() {
    return server.getLocalPort();
  }

  /**
   * Waits for the next client; the connection stays open until {@link #close()} unless the caller closes it.
   *
   * @return the connection
   * @throws java.net.SocketTimeoutException if no client connects within {@link #TIMEOUT_MILLIS}
   * @throws IOException if accepting fails
   */
  Socket accept() throws IOException {
    Socket client = server.accept();
    synchronized (connections) {
      connections.add(client);
    }
    return client;
  }

  /**
   * Sends lines to a client, each ending with a newline.
   *
   * @param client the connection
   * @param lines the lines
   * @throws IOException if writing fails
   */
  static void send(Socket client, List<String> lines) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * Runs a conversation with the clients on another thread, while the test's thread runs the context.
   *
   * @param conversation what to accept and send
   * @return completes when the conversation has ended; {@code join()} rethrows its failure
   */
  CompletableFuture<Void> converseInBackground(Conversation conversation) {
    return CompletableFuture.runAsync(() -> {
      try {
        conversation.run();
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    });
  }

  @Override
  public void close() throws IOException {
    synchronized (connections) {
      for (Socket connection : connections) {
        connection.close();
      }
    }
    server.close();
  }
}

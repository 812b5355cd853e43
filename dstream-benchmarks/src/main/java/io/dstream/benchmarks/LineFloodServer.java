package io.dstream.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server that writes text lines to the first client that connects, as fast as the connection
 * takes them, until it is closed: a pre-encoded chunk of numbered lines written again and again, so that
 * the server costs next to nothing and the receiver is what is measured.
 */
final class LineFloodServer implements AutoCloseable {
  /** The lines of one chunk; each is {@value #LINE_LENGTH} bytes with its newline. */
  private static final int LINES_PER_CHUNK = 4096;
  private static final int LINE_LENGTH = 16;

  private final ServerSocket server;
  private final byte[] chunk;
  private final AtomicLong linesWritten = new AtomicLong();

  /**
   * Starts listening on 127.0.0.1, on a free port, and writes once a client connects.
   *
   * @throws IOException if the server socket cannot be opened
   */
  LineFloodServer() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    StringBuilder lines = new StringBuilder(LINES_PER_CHUNK * LINE_LENGTH);
    for (int i = 0; i < LINES_PER_CHUNK; i++) {
      lines.append(String.format(Locale.ROOT, "line %010d\n", i));
    }
    chunk = lines.toString().getBytes(StandardCharsets.UTF_8);
    if (chunk.length != LINES_PER_CHUNK * LINE_LENGTH) {
      throw new IllegalStateException("a chunk is " + chunk.length + " bytes, not "
          + LINES_PER_CHUNK * LINE_LENGTH);
    }
    Thread writer = new Thread(this::serve, "line-flood-server");
    writer.setDaemon(true);
    writer.start();
  }

  /** Returns the port the server listens on. */
  int port() {
    return server.getLocalPort();
  }

  /** Returns how many lines the server has handed to the connection so far. */
  long linesWritten() {
    return linesWritten.get();
  }

  private void serve() {
    try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
      while (!server.isClosed()) {
        out.write(chunk);
        linesWritten.addAndGet(LINES_PER_CHUNK);
      }
    } catch (IOException e) {
      // The receiver closed the connection, or the server was closed: the run is over either way.
    }
  }

  /**
   * Stops accepting; the writing ends once the receiver closes its side of the connection.
   *
   * @throws IOException if the server socket cannot be closed
   */
  @Override
  public void close() throws IOException {
    server.close();
  }
}

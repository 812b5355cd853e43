package io.dstream.ui.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.dstream.ConfigKeys;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The status page's HTTP server: the JDK's own {@link HttpServer} (no dependency to ship), on two daemon
 * threads named {@code dstream-ui-...}, listening on one address until closed.
 */
final class StatusServer implements AutoCloseable {
  /** How many ports are tried from the configured one on, as Spark does. */
  static final int PORT_ATTEMPTS = 16;
  private static final int THREADS = 2;
  /** How long closing waits for the threads; they answer from memory, so only a stalled client holds one. */
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final HttpServer server;
  private final ExecutorService executor;
  private volatile boolean started;

  private StatusServer(HttpServer server) {
    this.server = server;
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, "dstream-ui-http-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
  }

  /**
   * Binds a server to a host and the first free port from {@code port} on; it answers nothing until
   * {@link #start} is called.
   *
   * @param host the address to listen on
   * @param port the first port to try; 0 for any free port
   * @return the bound server; close it when done
   * @throws IllegalStateException if the host cannot be resolved, or the {@value #PORT_ATTEMPTS} ports from
   *     {@code port} on are all taken
   * @throws IOException if the server cannot listen for another reason
   */
  static StatusServer bind(String host, int port) throws IOException {
    return new StatusServer(firstFreePort(host, port));
  }

  /**
   * Starts answering every request with a handler, on the server's own threads.
   *
   * @param handler what answers every request
   * @throws IOException if interrupted while starting
   */
  void start(HttpHandler handler) throws IOException {
    server.createContext("/", handler);
    startOnDaemonThread(server);
    started = true;
  }

  /**
   * Binds one unbound server to each port in turn: a server created with an address that is taken would leave
   * its socket open (the JDK opens it before binding and never closes it on failure).
   */
  private static HttpServer firstFreePort(String host, int port) throws IOException {
    InetSocketAddress first = new InetSocketAddress(host, port);
    if (first.isUnresolved()) {
      throw new IllegalStateException(ConfigKeys.UI_HOST.name() + " '" + host + "' cannot be resolved; set it to "
          + "an address of this machine, such as 127.0.0.1");
    }
    int last = port == 0 ? 0 : Math.min(65_535, port + PORT_ATTEMPTS - 1);
    HttpServer server = HttpServer.create();
    try {
      for (int candidate = port; candidate <= last; candidate++) {
        try {
          server.bind(new InetSocketAddress(first.getAddress(), candidate), 0);
          return server;
        } catch (BindException taken) {
          // Try the next port.
        }
      }
    } catch (IOException | RuntimeException e) {
      server.stop(0);
      throw e;
    }
    server.stop(0);
    throw new IllegalStateException(ConfigKeys.UI_PORT.name() + ": the ports " + port + " to " + last + " on "
        + host + " are all in use; set " + ConfigKeys.UI_PORT.name() + " to a free port, or to 0 for any free "
        + "port");
  }

  /**
   * Starts the server's dispatcher thread from a daemon thread: the JDK's dispatcher inherits its creator's
   * daemon flag, and a status page must never keep a JVM alive whose application has ended.
   */
  private static void startOnDaemonThread(HttpServer server) throws IOException {
    Thread starter = new Thread(server::start, "dstream-ui-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      server.stop(0);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the status page's server", e);
    }
  }

  /**
   * Returns the address the server listens on.
   *
   * @return the bound address and port
   */
  InetSocketAddress address() {
    return server.getAddress();
  }

  /**
   * Returns the server's URL, such as {@code http://127.0.0.1:4040/}; for a server on every interface, with
   * this machine's host name.
   *
   * @return the URL
   */
  String url() {
    InetAddress address = address().getAddress();
    String host;
    if (address.isAnyLocalAddress()) {
      host = localHostName();
    } else if (address instanceof Inet6Address) {
      host = "[" + address.getHostAddress() + "]";
    } else {
      host = address.getHostAddress();
    }
    return "http://" + host + ":" + address().getPort() + "/";
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /**
   * Stops listening at once and ends the server's threads, waiting a moment for a request being answered. A
   * server bound and never started is started first: the JDK releases a server's port only on its dispatcher
   * thread, so without one the port would stay taken.
   */
  @Override
  public void close() {
    if (!started) {
      server.createContext("/", exchange -> HttpResponses.sendError(exchange, 503, "the status page is closing"));
      try {
        startOnDaemonThread(server);
      } catch (IOException interrupted) {
        // startOnDaemonThread stopped the server and kept the interrupt; nothing more to release here.
        executor.shutdownNow();
        return;
      }
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

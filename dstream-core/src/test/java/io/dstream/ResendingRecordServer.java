package io.dstream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A loopback source that keeps what it sent until it is acknowledged, like a message queue: the test offers
 * records (one line each); the server writes them to the one connected client; the client writes each
 * record back as a line once it has stored it safely. When a client connects, the server first sends again
 * every offered record that no client acknowledged, then the new ones as they are offered.
 */
final class ResendingRecordServer implements AutoCloseable {
  private final ServerSocket server;
  private final List<String> offered = new ArrayList<>();
  private final Set<String> acknowledged = new HashSet<>();
  private final Set<String> sent = new HashSet<>();
  private int connections;
  private int resent;
  private Socket client;
  private boolean closed;

  ResendingRecordServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    startThread("acceptor", this::acceptClients);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Makes records available; they go to the connected client, or to the next one to connect. */
  synchronized void offer(List<String> records) {
    offered.addAll(records);
    notifyAll();
  }

  /** Returns every record offered so far, in order. */
  synchronized List<String> offered() {
    return List.copyOf(offered);
  }

  /** Returns the offered records that no client has acknowledged. */
  synchronized List<String> unacknowledged() {
    return offered.stream().filter(record -> !acknowledged.contains(record)).toList();
  }

  /** Returns how many times a record was sent again because an earlier client did not acknowledge it. */
  synchronized int resent() {
    return resent;
  }

  /** Returns how many clients have connected. */
  synchronized int connections() {
    return connections;
  }

  private void acceptClients() {
    while (!server.isClosed()) {
      try {
        Socket accepted = server.accept();
        synchronized (this) {
          closeClient();
          client = accepted;
          connections++;
          notifyAll();
        }
        startThread("acknowledgements", () -> readAcknowledgements(accepted));
        startThread("sender", () -> send(accepted));
      } catch (IOException e) {
        // The server socket was closed: the test is over.
      }
    }
  }

  private static void startThread(String name, Runnable work) {
    Thread thread = new Thread(work, "resending-record-server-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Sends the unacknowledged records from the start, then each new one, until the client goes away. */
  private void send(Socket socket) {
    int next = 0;
    try (Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
      while (true) {
        List<String> batch = new ArrayList<>();
        synchronized (this) {
          while (next == offered.size() && client == socket && !closed) {
            wait();
          }
          if (client != socket || closed) {
            return;
          }
          for (; next < offered.size(); next++) {
            String record = offered.get(next);
            if (!acknowledged.contains(record)) {
              batch.add(record);
              resent += sent.add(record) ? 0 : 1;
            }
          }
        }
        for (String record : batch) {
          out.write(record);
          out.write('\n');
        }
        out.flush();
      }
    } catch (IOException e) {
      // The client went away; what it did not acknowledge goes to the next one.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void readAcknowledgements(Socket socket) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      String record;
      while ((record = in.readLine()) != null) {
        synchronized (this) {
          acknowledged.add(record);
        }
      }
    } catch (IOException e) {
      // The client went away (killed): the acknowledgements it did not send never count.
    }
  }

  private void closeClient() {
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        // Closing a connection the client already dropped.
      }
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (this) {
      closed = true;
      closeClient();
      notifyAll();
    }
    server.close();
  }
}

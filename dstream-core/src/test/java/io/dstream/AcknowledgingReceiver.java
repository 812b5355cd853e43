package io.dstream;

import io.dstream.receiver.Receiver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A reliable receiver for {@link ResendingRecordServer}: it reads the lines that are available, stores them
 * as one block with {@code store(List)} (which returns once the block is stored and, with the write-ahead log
 * on, logged), and only then acknowledges them by writing each back to the server. A dropped connection
 * restarts it; the server then sends again what was not acknowledged.
 */
final class AcknowledgingReceiver extends Receiver<String> {
  private static final int MAX_BLOCK_RECORDS = 100;

  private final String host;
  private final int port;
  private volatile Socket socket;

  AcknowledgingReceiver(String host, int port) {
    this.host = host;
    this.port = port;
  }

  @Override
  public void onStart() {
    Socket connection = new Socket();
    socket = connection;
    Thread thread = new Thread(() -> receive(connection), "acknowledging-receiver");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void onStop() {
    Socket connection = socket;
    if (connection != null) {
      close(connection);
    }
  }

  private void receive(Socket connection) {
    try {
      connection.connect(new InetSocketAddress(host, port));
      BufferedReader in = new BufferedReader(
          new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
      Writer acknowledgements = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8);
      String line;
      while (!isStopped() && (line = in.readLine()) != null) {
        List<String> block = new ArrayList<>(List.of(line));
        while (block.size() < MAX_BLOCK_RECORDS && in.ready()) {
          block.add(in.readLine());
        }
        store(block);
        for (String record : block) {
          acknowledgements.write(record);
          acknowledgements.write('\n');
        }
        acknowledgements.flush();
      }
      if (!isStopped()) {
        restart("the record server closed the connection");
      }
    } catch (IOException | RuntimeException e) {
      if (!isStopped()) {
        restart("receiving from the record server failed: " + e, e);
      }
    } finally {
      close(connection);
    }
  }

  private static void close(Socket connection) {
    try {
      connection.close();
    } catch (IOException e) {
      // Nothing to release: the connection is gone either way.
    }
  }
}

package io.dstream.receiver.internal.socket;

import static io.dstream.receiver.internal.socket.LoopbackServer.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.receiver.internal.Await;
import io.dstream.storage.StorageLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketTextReceiverIT {
  private SocketTextReceiver receiver;
  private RecordingRuntime runtime;

  private void start(int port, int maxLineBytes) {
    receiver = new SocketTextReceiver(HOST, port, StorageLevel.MEMORY_AND_DISK_SER_2, maxLineBytes);
    runtime = RecordingRuntime.attachedTo(receiver);
    receiver.onStart();
  }

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      runtime.markStopped();
      receiver.onStop();
    }
  }

  private static void send(Socket client, String text) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private String nextLine() throws InterruptedException {
    return (String) Await.take(runtime.records, "a line");
  }

  @Test
  void linesAreStoredOneByOneAndAClosedConnectionAsksForARestart() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      start(server.port(), SocketTextReceiver.DEFAULT_MAX_LINE_BYTES);
      try (Socket client = server.accept()) {
        send(client, "hello\nworld\r\nlast");
      }

      assertThat(nextLine()).isEqualTo("hello");
      assertThat(nextLine()).isEqualTo("world");
      assertThat(nextLine()).isEqualTo("last");
      RecordingRuntime.Restart restart = Await.take(runtime.restarts, "the restart");
      assertThat(restart.message()).isEqualTo("the server at " + HOST + ":" + server.port() + " closed the connection");
      assertThat(restart.error()).isNull();
    }
  }

  @Test
  void aRefusedConnectionAsksForARestartWithTheConnectError() throws Exception {
    int port = LoopbackServer.closedPort();

    start(port, 100);

    RecordingRuntime.Restart restart = Await.take(runtime.restarts, "the restart");
    assertThat(restart.message()).startsWith("cannot connect to " + HOST + ":" + port);
    assertThat(restart.error()).isInstanceOf(ConnectException.class);
    assertThat(runtime.records).isEmpty();
  }

  @Test
  void aConnectionResetMidStreamKeepsTheLinesAlreadyReadAndAsksForARestartWithTheError() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      start(server.port(), 100);
      Socket client = server.accept();
      send(client, "a\nb\n");
      assertThat(nextLine()).isEqualTo("a");
      assertThat(nextLine()).isEqualTo("b");

      client.setSoLinger(true, 0); // closing now resets the connection
      client.close();

      RecordingRuntime.Restart restart = Await.take(runtime.restarts, "the restart");
      assertThat(restart.message()).startsWith("error while receiving from " + HOST + ":" + server.port());
      assertThat(restart.error()).hasRootCauseInstanceOf(SocketException.class);
    }
  }

  @Test
  void longLinesAreCutWithOneWarningPerConnection() throws Exception {
    try (LoopbackServer server = new LoopbackServer(); LogCapture log = new LogCapture(LineIterator.class)) {
      start(server.port(), 8);
      try (Socket client = server.accept()) {
        send(client, "0123456789abc\n" + "z".repeat(20) + "\nok\n");
      }
      assertThat(nextLine()).isEqualTo("01234567");
      assertThat(nextLine()).isEqualTo("z".repeat(8));
      assertThat(nextLine()).isEqualTo("ok");
      Await.take(runtime.restarts, "the restart after the first connection");
      assertThat(log.warnings()).hasSize(1);

      receiver.onStop();
      receiver.onStart();
      try (Socket client = server.accept()) {
        send(client, "y".repeat(9) + "\n");
      }
      assertThat(nextLine()).isEqualTo("y".repeat(8));
      Await.take(runtime.restarts, "the restart after the second connection");

      assertThat(log.warnings()).hasSize(2).allSatisfy(warning -> assertThat(warning).contains("longer than 8 bytes"));
    }
  }

  @Test
  void badUtf8IsDecodedWithReplacementCharacters() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      start(server.port(), 100);
      try (Socket client = server.accept()) {
        OutputStream out = client.getOutputStream();
        out.write(new byte[] {'o', 'k', ' ', (byte) 0xC3, '\n', (byte) 0xC3, (byte) 0xA9, '\n'});
      }

      assertThat(nextLine()).isEqualTo("ok \uFFFD");
      assertThat(nextLine()).isEqualTo("é");
    }
  }

  @Test
  void onStopClosesTheConnectionWithoutAskingForARestart() throws Exception {
    try (LoopbackServer server = new LoopbackServer(); Socket client = startAndAccept(server)) {
      runtime.markStopped();
      receiver.onStop();

      assertThat(client.getInputStream().read()).as("the receiver closed its end").isEqualTo(-1);
      assertThat(runtime.restarts).isEmpty();
    }
  }

  private Socket startAndAccept(LoopbackServer server) throws IOException {
    start(server.port(), 100);
    return server.accept();
  }
}

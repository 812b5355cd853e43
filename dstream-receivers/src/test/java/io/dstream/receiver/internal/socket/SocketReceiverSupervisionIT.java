package io.dstream.receiver.internal.socket;

import static io.dstream.receiver.internal.socket.LoopbackServer.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.receiver.internal.Await;
import io.dstream.receiver.internal.ManualReceiverClock;
import io.dstream.receiver.internal.ReceiverSupervisor;
import io.dstream.receiver.internal.RecordingBlockHandler;
import io.dstream.receiver.internal.RecordingListener;
import io.dstream.receiver.internal.SupervisorState;
import io.dstream.storage.StorageLevel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A socket receiver under a real supervisor: a failing source restarts it after the delay, nothing dies. */
class SocketReceiverSupervisionIT {
  private final ManualReceiverClock clock = new ManualReceiverClock();
  private final RecordingListener listener = new RecordingListener();
  private final RecordingBlockHandler handler = new RecordingBlockHandler();
  private ReceiverSupervisor supervisor;

  private void supervise(int port) {
    SocketTextReceiver receiver = new SocketTextReceiver(HOST, port, StorageLevel.MEMORY_AND_DISK_SER_2);
    supervisor = ReceiverSupervisor.builder(receiver, 1, handler).listener(listener).clock(clock).build();
    supervisor.start();
  }

  @AfterEach
  void stopSupervisor() throws InterruptedException {
    supervisor.stop("test over", null);
    assertThat(supervisor.awaitTermination(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  private static void sendAndClose(Socket client, String text) throws IOException {
    try (client) {
      client.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aDroppedConnectionIsReportedAndTheReceiverReconnectsAfterTheRestartDelay() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      supervise(server.port());
      sendAndClose(server.accept(), "a\nb\n");

      RecordingListener.Report error = Await.take(listener.errors, "the dropped connection");
      assertThat(error.message()).isEqualTo("restarting the receiver in 2000 ms: the server at " + HOST + ":"
          + server.port() + " closed the connection");
      assertThat(supervisor.state()).isEqualTo(SupervisorState.RESTARTING);

      clock.advance(2000);
      sendAndClose(server.accept(), "c\n");
      Await.take(listener.errors, "the second dropped connection");
      clock.advance(200);

      assertThat(handler.allRecords()).containsExactly("a", "b", "c");
      assertThat(listener.started).hasSize(2);
    }
  }

  @Test
  void aServerThatAcceptsAndClosesAtOnceIsReconnectedToAsOftenAsItTakesThenItsLinesArrive() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      supervise(server.port());
      for (int attempt = 1; attempt <= 4; attempt++) {
        server.accept().close();
        RecordingListener.Report error = Await.take(listener.errors, "closed connection " + attempt);
        assertThat(error.message()).endsWith("closed the connection");
        assertThat(error.error()).isNull();
        clock.advance(2000);
      }

      sendAndClose(server.accept(), "x\ny\n");
      Await.take(listener.errors, "the connection closed after the lines");
      clock.advance(200);

      assertThat(handler.allRecords()).containsExactly("x", "y");
      assertThat(listener.started).hasSize(5);
      assertThat(listener.stopped).isEmpty();
    }
  }

  @Test
  void aRefusedConnectionIsRetriedAfterEachDelayWithoutStoppingTheSupervisor() throws Exception {
    supervise(LoopbackServer.closedPort());

    RecordingListener.Report first = Await.take(listener.errors, "the refused connection");
    assertThat(first.message()).contains("cannot connect to " + HOST);
    assertThat(first.error()).isInstanceOf(ConnectException.class);

    clock.advance(2000);
    RecordingListener.Report second = Await.take(listener.errors, "the second refused connection");
    assertThat(second.error()).isInstanceOf(ConnectException.class);

    assertThat(supervisor.state()).isEqualTo(SupervisorState.RESTARTING);
    assertThat(listener.stopped).isEmpty();
  }
}

package io.dstream.receiver.internal.socket;

import static io.dstream.receiver.internal.socket.LoopbackServer.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.receiver.internal.Await;
import io.dstream.storage.StorageLevel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketReceiverIT {
  private SocketReceiver<Integer> receiver;
  private RecordingRuntime runtime;

  /** Reads big-endian ints until the stream ends; a negative int is a protocol error. */
  private static Iterator<Integer> ints(java.io.InputStream in) {
    DataInputStream data = new DataInputStream(in);
    return new Iterator<>() {
      private Integer next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          try {
            next = data.readInt();
          } catch (EOFException e) {
            return false;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          if (next < 0) {
            throw new IllegalStateException("negative value " + next);
          }
        }
        return true;
      }

      @Override
      public Integer next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Integer value = next;
        next = null;
        return value;
      }
    };
  }

  private void start(int port, SocketStreamConverter<Integer> converter) {
    receiver = new SocketReceiver<>(HOST, port, converter, StorageLevel.MEMORY_ONLY);
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

  private static void sendInts(Socket client, int... values) throws IOException {
    DataOutputStream out = new DataOutputStream(client.getOutputStream());
    for (int value : values) {
      out.writeInt(value);
    }
    out.flush();
  }

  @Test
  void theConvertersRecordsAreStoredOneByOne() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      start(server.port(), SocketReceiverIT::ints);
      try (Socket client = server.accept()) {
        sendInts(client, 1, 2, 3);
      }

      assertThat(Await.take(runtime.records, "1")).isEqualTo(1);
      assertThat(Await.take(runtime.records, "2")).isEqualTo(2);
      assertThat(Await.take(runtime.records, "3")).isEqualTo(3);
      assertThat(Await.take(runtime.restarts, "the restart").error()).isNull();
    }
  }

  @Test
  void aConverterThatFailsToStartAsksForARestartWithItsError() throws Exception {
    IOException failure = new IOException("no header");
    try (LoopbackServer server = new LoopbackServer()) {
      start(server.port(), in -> {
        throw failure;
      });
      server.accept().close();

      RecordingRuntime.Restart restart = Await.take(runtime.restarts, "the restart");
      assertThat(restart.error()).isSameAs(failure);
      assertThat(restart.message()).contains("no header");
    }
  }

  @Test
  void anIteratorThatFailsMidStreamKeepsWhatCameBeforeAndAsksForARestart() throws Exception {
    try (LoopbackServer server = new LoopbackServer(); Socket client = startAndAccept(server)) {
      sendInts(client, 7, -1, 8);

      assertThat(Await.take(runtime.records, "7")).isEqualTo(7);
      RecordingRuntime.Restart restart = Await.take(runtime.restarts, "the restart");
      assertThat(restart.error()).isInstanceOf(IllegalStateException.class).hasMessage("negative value -1");
      assertThat(runtime.records).isEmpty();
    }
  }

  private Socket startAndAccept(LoopbackServer server) throws IOException {
    start(server.port(), SocketReceiverIT::ints);
    return server.accept();
  }

  @Test
  void constructorArgumentsAreValidated() {
    assertThatThrownBy(() -> new SocketReceiver<Integer>(HOST, 1, null, StorageLevel.MEMORY_ONLY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("converter");
    assertThatThrownBy(() -> new SocketReceiver<>(" ", 1, SocketReceiverIT::ints, StorageLevel.MEMORY_ONLY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
    assertThatThrownBy(() -> new SocketReceiver<>(HOST, 70_000, SocketReceiverIT::ints, StorageLevel.MEMORY_ONLY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 70000");
    assertThatThrownBy(() -> new SocketReceiver<>(HOST, 1, SocketReceiverIT::ints, StorageLevel.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NONE");
  }
}

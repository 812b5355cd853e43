package io.dstream.receiver.internal.socket;

import static io.dstream.receiver.internal.socket.LoopbackServer.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.receiver.internal.Await;
import io.dstream.storage.StorageLevel;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RawSocketReceiverIT {
  private final Serializer serializer = new KryoSerializer();
  private RawSocketReceiver<String> receiver;
  private RecordingRuntime runtime;

  private Socket startAndAccept(LoopbackServer server, int maxFrameBytes) throws IOException {
    receiver = new RawSocketReceiver<>(HOST, server.port(), StorageLevel.MEMORY_AND_DISK_SER, serializer,
        maxFrameBytes);
    runtime = RecordingRuntime.attachedTo(receiver);
    receiver.onStart();
    return server.accept();
  }

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      runtime.markStopped();
      receiver.onStop();
    }
  }

  private void sendFrame(Socket client, Object block) throws IOException {
    byte[] bytes = serializer.serialize(block);
    DataOutputStream out = new DataOutputStream(client.getOutputStream());
    out.writeInt(bytes.length);
    out.write(bytes);
    out.flush();
  }

  private static void sendRaw(Socket client, byte[] bytes) throws IOException {
    client.getOutputStream().write(bytes);
    client.getOutputStream().flush();
  }

  private Throwable restartError() throws InterruptedException {
    return Await.take(runtime.restarts, "the restart").error();
  }

  @Test
  void eachFrameIsStoredAsOneBlock() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      try (Socket client = startAndAccept(server, RawSocketReceiver.DEFAULT_MAX_FRAME_BYTES)) {
        sendFrame(client, List.of("a", "b"));
        sendFrame(client, Set.of("c"));
        sendFrame(client, List.of());
      }

      assertThat(Await.take(runtime.blocks, "the first block")).isEqualTo(List.of("a", "b"));
      assertThat(Await.take(runtime.blocks, "the second block")).isEqualTo(List.of("c"));
      assertThat(restartError()).isNull();
      assertThat(runtime.records).isEmpty();
    }
  }

  @Test
  void aNegativeLengthIsAProtocolError() throws Exception {
    try (LoopbackServer server = new LoopbackServer(); Socket client = startAndAccept(server, 1000)) {
      sendRaw(client, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});

      assertThat(restartError()).isInstanceOf(IOException.class)
          .hasMessageContaining("frame 0 from " + HOST + ":" + server.port() + " announces -1 bytes")
          .hasMessageContaining("1 to 1000 bytes");
    }
  }

  @Test
  void aFrameLargerThanTheMaximumIsRefusedBeforeItIsRead() throws Exception {
    try (LoopbackServer server = new LoopbackServer(); Socket client = startAndAccept(server, 1000)) {
      sendFrame(client, List.of("fits"));
      sendRaw(client, new byte[] {0, 0, 0x27, 0x10}); // 10000 bytes announced

      assertThat(Await.take(runtime.blocks, "the first block")).isEqualTo(List.of("fits"));
      assertThat(restartError()).hasMessageContaining("frame 1").hasMessageContaining("announces 10000 bytes");
    }
  }

  @Test
  void aStreamThatEndsInsideAFrameIsTruncated() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      try (Socket client = startAndAccept(server, 1000)) {
        sendRaw(client, new byte[] {0, 0, 0, 10, 1, 2, 3});
      }

      assertThat(restartError()).isInstanceOf(EOFException.class)
          .hasMessageContaining("frame 0").hasMessageContaining("ends after 3 of its 10 bytes");
    }
  }

  @Test
  void aStreamThatEndsInsideALengthIsTruncated() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      try (Socket client = startAndAccept(server, 1000)) {
        sendRaw(client, new byte[] {0, 0});
      }

      assertThat(restartError()).isInstanceOf(EOFException.class).hasMessageContaining("ends inside its length");
    }
  }

  @Test
  void aFrameThatIsNotACollectionOfRecordsIsRefused() throws Exception {
    try (LoopbackServer server = new LoopbackServer(); Socket client = startAndAccept(server, 1000)) {
      sendFrame(client, "just a string");

      assertThat(restartError()).hasMessageContaining("holds a java.lang.String, not a collection of records");
    }
  }

  @Test
  void aFrameThatDoesNotDeserializeIsCorrupt() throws Exception {
    try (LoopbackServer server = new LoopbackServer(); Socket client = startAndAccept(server, 1000)) {
      sendRaw(client, new byte[] {0, 0, 0, 4, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE});

      assertThat(restartError()).isInstanceOf(CorruptDataException.class).hasMessageStartingWith("frame 0 from ");
    }
  }

  @Test
  void constructorArgumentsAreValidated() {
    assertThatThrownBy(() -> new RawSocketReceiver<>(HOST, 1, StorageLevel.MEMORY_ONLY, null, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serializer");
    assertThatThrownBy(() -> new RawSocketReceiver<>(HOST, 1, StorageLevel.MEMORY_ONLY, serializer, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 byte");
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.scheduler.ReceiverInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerReceiverError;
import io.dstream.storage.StorageLevel;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The socket streams of {@link StreamingContext} against TCP servers that the tests start on the loopback
 * interface, on the system clock: the tests wait (with a bound) for the records to arrive.
 */
class SocketStreamsIT {
  private static final String HOST = "127.0.0.1";

  private final BlockingQueue<ReceiverInfo> errors = new LinkedBlockingQueue<>();
  private final List<AutoCloseable> servers = new ArrayList<>();
  private StreamingContext ssc;

  @AfterEach
  void stop() throws Exception {
    if (ssc != null) {
      ssc.stop(false);
    }
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  private StreamingContext newContext(StreamingConf conf) {
    conf.setAppName("socket-it")
        .set("dstream.blockInterval", "20ms")
        .set("dstream.receiver.restartDelay", "100ms");
    if (!conf.contains("dstream.master")) {
      conf.setMaster("local[2]");
    }
    ssc = new StreamingContext(conf, Durations.milliseconds(100));
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onReceiverError(StreamingListenerReceiverError event) {
        errors.add(event.receiverInfo());
      }
    });
    return ssc;
  }

  private StreamingContext newContext() {
    return newContext(new StreamingConf());
  }

  private ServerSocket newServer() throws IOException {
    return newServer(0);
  }

  private ServerSocket newServer(int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    server.setSoTimeout((int) (ReceiverKit.TIMEOUT_SECONDS * 1000));
    servers.add(server);
    return server;
  }

  private Socket accept(ServerSocket server) throws IOException {
    Socket client = server.accept();
    servers.add(client);
    return client;
  }

  private static void send(Socket client, String text) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static List<String> lines(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }

  @Test
  void theLinesAServerSendsArriveInOrderInTheBatches() throws Exception {
    ServerSocket server = newServer();
    RecordSink<String> sink = RecordSink.of(newContext().socketTextStream(HOST, server.getLocalPort()));
    ssc.start();
    List<String> sent = new ArrayList<>(lines("line ", 2000));
    sent.add("naïve café ✓");

    try (Socket client = accept(server)) {
      send(client, String.join("\r\n", sent) + "\n");
      assertThat(sink.await(sent.size())).isEqualTo(sent);
    }
  }

  @Test
  void aSocketStreamIsProcessedWithASingleWorkerThread() throws Exception {
    ServerSocket server = newServer();
    RecordSink<Integer> lengths =
        RecordSink.of(newContext(new StreamingConf().setMaster("local[1]"))
            .socketTextStream(HOST, server.getLocalPort()).map(String::length));
    ssc.start();

    try (Socket client = accept(server)) {
      send(client, "a\nbb\nccc\n");
      assertThat(lengths.await(3)).containsExactly(1, 2, 3);
    }
  }

  @Test
  void aRefusedConnectionIsReportedAndRetriedAfterTheDelayWhileTheContextRuns() throws Exception {
    int port;
    try (ServerSocket probe = newServer()) {
      port = probe.getLocalPort();
    }
    RecordSink<String> sink = RecordSink.of(newContext().socketTextStream(HOST, port));
    ssc.start();

    ReceiverInfo first = ReceiverKit.take(errors, "the refused connection");
    ReceiverInfo second = ReceiverKit.take(errors, "the retry after the restart delay, refused again");

    assertThat(first.lastErrorMessage().orElseThrow())
        .startsWith("restarting the receiver in 100 ms: cannot connect to " + HOST + ":" + port);
    assertThat(first.lastError()).containsInstanceOf(ConnectException.class);
    assertThat(second.lastErrorTime().orElseThrow()).isGreaterThan(first.lastErrorTime().orElseThrow());
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.ACTIVE);

    ServerSocket server = newServer(port);
    try (Socket client = accept(server)) {
      send(client, "finally\n");
      assertThat(sink.await(1)).containsExactly("finally");
    }
  }

  @Test
  void aDroppedConnectionIsReportedAndTheReceiverReconnects() throws Exception {
    ServerSocket server = newServer();
    RecordSink<String> sink = RecordSink.of(newContext().socketTextStream(HOST, server.getLocalPort()));
    ssc.start();

    try (Socket client = accept(server)) {
      send(client, "a\nb\n");
    }
    ReceiverInfo dropped = ReceiverKit.take(errors, "the dropped connection");
    try (Socket client = accept(server)) {
      send(client, "c\n");
      assertThat(sink.await(3)).containsExactly("a", "b", "c");
    }

    assertThat(dropped.lastErrorMessage()).contains("restarting the receiver in 100 ms: the server at " + HOST + ":"
        + server.getLocalPort() + " closed the connection");
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.ACTIVE);
  }

  @Test
  void aLineLongerThanTheMaximumIsCut() throws Exception {
    ServerSocket server = newServer();
    StreamingConf conf = new StreamingConf().set("dstream.receiver.maxLineLength", "10");
    RecordSink<String> sink = RecordSink.of(newContext(conf).socketTextStream(HOST, server.getLocalPort()));
    ssc.start();

    try (Socket client = accept(server)) {
      send(client, "0123456789abcdefghij\nshort\n");
      assertThat(sink.await(2)).containsExactly("0123456789", "short");
    }
  }

  @Test
  void severalSocketStreamsUnitedReceiveInParallel() throws Exception {
    List<ServerSocket> sources = List.of(newServer(), newServer(), newServer());
    newContext();
    List<DStream<String>> streams = new ArrayList<>();
    for (ServerSocket source : sources) {
      streams.add(ssc.socketTextStream(HOST, source.getLocalPort()));
    }
    RecordSink<String> sink = RecordSink.of(ssc.union(streams.get(0), streams.get(1), streams.get(2)));
    ssc.start();

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      Socket client = accept(sources.get(i));
      List<String> sent = lines("source " + i + " line ", 300);
      send(client, String.join("\n", sent) + "\n");
      expected.addAll(sent);
    }

    assertThat(sink.await(expected.size())).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aSocketStreamTurnsBytesIntoRecordsWithItsConverter() throws Exception {
    ServerSocket server = newServer();
    RecordSink<String> words = RecordSink.of(newContext().socketStream(HOST, server.getLocalPort(),
        in -> () -> new Scanner(in, StandardCharsets.UTF_8), StorageLevel.MEMORY_ONLY));
    ssc.start();

    try (Socket client = accept(server)) {
      send(client, "to be  or\tnot\nto be\n");
      assertThat(words.await(6)).containsExactly("to", "be", "or", "not", "to", "be");
    }
  }

  @Test
  void aRawSocketStreamStoresEachSerializedFrameAsItIs() throws Exception {
    ServerSocket server = newServer();
    RecordSink<Integer> numbers =
        RecordSink.of(newContext().<Integer>rawSocketStream(HOST, server.getLocalPort()));
    ssc.start();

    Serializer serializer = new StreamingConf().serializer();
    try (Socket client = accept(server)) {
      DataOutputStream out = new DataOutputStream(client.getOutputStream());
      for (List<Integer> frame : List.of(List.of(1, 2, 3), List.of(4), List.of(5, 6))) {
        byte[] bytes = serializer.serialize(new ArrayList<>(frame));
        out.writeInt(bytes.length);
        out.write(bytes);
      }
      out.flush();
      assertThat(numbers.await(6)).containsExactly(1, 2, 3, 4, 5, 6);
    }
  }
}

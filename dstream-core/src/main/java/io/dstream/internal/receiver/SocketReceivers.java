package io.dstream.internal.receiver;

import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.function.Function;
import io.dstream.receiver.Receiver;
import io.dstream.receiver.internal.socket.RawSocketReceiver;
import io.dstream.receiver.internal.socket.SocketReceiver;
import io.dstream.receiver.internal.socket.SocketTextReceiver;
import io.dstream.storage.StorageLevel;
import java.io.IOException;
import java.io.InputStream;

/**
 * Builds the receivers of {@code StreamingContext}'s socket streams, so that the public context names no
 * implementation class of the receivers module.
 */
public final class SocketReceivers {
  private SocketReceivers() {}

  /**
   * Returns the receiver of {@code socketTextStream}: UTF-8 lines, cut at {@code dstream.receiver.maxLineLength}.
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @param storageLevel where the received blocks are kept
   * @param conf the context's configuration
   * @return the receiver
   * @throws IllegalArgumentException if the host is blank, the port is out of range or the level keeps nothing
   */
  public static Receiver<String> text(String host, int port, StorageLevel storageLevel, StreamingConf conf) {
    return new SocketTextReceiver(host, port, storageLevel, conf.get(ConfigKeys.RECEIVER_MAX_LINE_LENGTH));
  }

  /**
   * Returns the receiver of {@code socketStream}: the records a user's converter reads from each connection.
   * A checked exception of the converter other than an IOException becomes an IOException naming the server,
   * which makes the receiver reconnect.
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @param converter turns a connection's bytes into records
   * @param storageLevel where the received blocks are kept
   * @param <T> the record type
   * @return the receiver
   * @throws IllegalArgumentException if the host is blank, the port is out of range or the level keeps nothing
   */
  public static <T> Receiver<T> converted(String host, int port, Function<InputStream, Iterable<T>> converter,
      StorageLevel storageLevel) {
    return new SocketReceiver<>(host, port, in -> {
      try {
        return converter.call(in).iterator();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("the converter of " + host + ":" + port + " failed: " + e, e);
      }
    }, storageLevel);
  }

  /**
   * Returns the receiver of {@code rawSocketStream}: length-prefixed frames of serialized records, one block
   * each.
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @param storageLevel where the received blocks are kept
   * @param serializer the context's serializer, which reads the frames
   * @param <T> the record type
   * @return the receiver
   * @throws IllegalArgumentException if the host is blank, the port is out of range or the level keeps nothing
   */
  public static <T> Receiver<T> raw(String host, int port, StorageLevel storageLevel, Serializer serializer) {
    return new RawSocketReceiver<>(host, port, storageLevel, serializer, RawSocketReceiver.DEFAULT_MAX_FRAME_BYTES);
  }
}

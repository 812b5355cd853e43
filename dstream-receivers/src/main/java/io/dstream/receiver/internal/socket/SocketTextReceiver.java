package io.dstream.receiver.internal.socket;

import io.dstream.storage.StorageLevel;

/**
 * Receives UTF-8 text lines from a TCP server: what {@code ssc.socketTextStream(host, port)} runs, for
 * example against {@code nc -lk 9999}. Lines end with {@code \n} or {@code \r\n}; malformed UTF-8 decodes
 * to replacement characters (U+FFFD); a line longer than the maximum length is cut to that length (on a
 * character boundary) with one warning per connection, so a server that never sends a newline cannot make
 * the receiver buffer without bound.
 */
public final class SocketTextReceiver extends SocketReceiver<String> {
  /** The default maximum line length: 1 MiB of UTF-8. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  /**
   * Creates the receiver with the default maximum line length.
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @param storageLevel where the received blocks are kept
   * @throws IllegalArgumentException if the host is blank, the port is out of range or the level keeps
   *     nothing
   */
  public SocketTextReceiver(String host, int port, StorageLevel storageLevel) {
    this(host, port, storageLevel, DEFAULT_MAX_LINE_BYTES);
  }

  /**
   * Creates the receiver.
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @param storageLevel where the received blocks are kept
   * @param maxLineBytes the longest line kept, in bytes of UTF-8 (the {@code dstream.receiver.maxLineLength}
   *     setting); longer lines are cut
   * @throws IllegalArgumentException if the maximum is not positive, the host is blank, the port is out of
   *     range or the level keeps nothing
   */
  public SocketTextReceiver(String host, int port, StorageLevel storageLevel, int maxLineBytes) {
    super(host, port, lineConverter(maxLineBytes, host + ":" + port), storageLevel);
  }

  private static SocketStreamConverter<String> lineConverter(int maxLineBytes, String source) {
    LineIterator.checkMaxLineBytes(maxLineBytes);
    return in -> new LineIterator(in, maxLineBytes, source);
  }
}

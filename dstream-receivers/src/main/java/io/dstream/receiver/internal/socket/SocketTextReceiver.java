package io.dstream.receiver.internal.socket;

import io.dstream.receiver.internal.ReceiverAccess;
import io.dstream.receiver.internal.ReceiverRuntime;
import io.dstream.storage.StorageLevel;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * Receives UTF-8 text lines from a TCP server: what {@code ssc.socketTextStream(host, port)} runs, for
 * example against {@code nc -lk 9999}. Lines end with {@code \n} or {@code \r\n}; malformed UTF-8 decodes
 * to replacement characters (U+FFFD); a line longer than the maximum length is cut to that length (on a
 * character boundary) with one warning per connection, so a server that never sends a newline cannot make
 * the receiver buffer without bound.
 *
 * <p>Lines are decoded in bulk, as many as a read brought in, and handed to the block generator together:
 * each line is stored as {@code store(line)} would store it (cut into blocks every block interval, under the
 * rate limit), without a call per line.
 */
public final class SocketTextReceiver extends AbstractSocketReceiver<String> {
  /** The default maximum line length: 1 MiB of UTF-8. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
  /** The most lines handed to the block generator at once. */
  static final int LINES_PER_STORE = 1024;

  private final int maxLineBytes;

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
    super(host, port, storageLevel);
    LineIterator.checkMaxLineBytes(maxLineBytes);
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  protected void receive(InputStream in, BooleanSupplier open) {
    LineIterator lines = new LineIterator(in, maxLineBytes, address());
    ReceiverRuntime runtime = ReceiverAccess.runtimeOf(this);
    Object[] batch = new Object[LINES_PER_STORE];
    int count;
    while (open.getAsBoolean() && (count = lines.nextLines(batch)) > 0) {
      runtime.pushSingles(batch, count);
    }
  }
}

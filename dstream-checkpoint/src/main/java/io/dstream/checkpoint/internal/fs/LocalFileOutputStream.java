package io.dstream.checkpoint.internal.fs;

import io.dstream.checkpoint.fs.DurableOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Writes straight to a file's channel, without a buffer of its own, so that readers see every byte as
 * soon as it is written; {@link #sync()} forces the channel (fsync).
 */
final class LocalFileOutputStream extends DurableOutputStream {
  private final FileChannel channel;

  LocalFileOutputStream(FileChannel channel) {
    this.channel = channel;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  @Override
  public void sync() throws IOException {
    // Metadata too: a new file's length must be durable for its bytes to be found after a crash.
    channel.force(true);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}

package io.dstream.checkpoint.fs;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the content of a file to a stream; see {@link FileSystem#writeAtomically(String, ContentWriter)}.
 */
@FunctionalInterface
public interface ContentWriter {
  /**
   * Writes the content. Must not close the stream.
   *
   * @param out where to write
   * @throws IOException if writing fails; the file is then left as it was
   */
  void writeTo(OutputStream out) throws IOException;
}

package io.dstream;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An input directory for file streams in a fresh {@code memory:} namespace, fed the way the seeds ask: each
 * file is written completely in a staging directory, with a chosen modification time, then renamed into the
 * input directory. The namespace also has room for a checkpoint directory. Close it to discard the
 * namespace. Public for the tests of modules built on core (dstream-ml's recovery tests).
 */
public final class MemoryInputDirectory implements AutoCloseable {
  private final InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();
  private final AtomicLong modificationTime = new AtomicLong();

  public MemoryInputDirectory() {
    fs.setClock(modificationTime::get);
    try {
      fs.mkdirs("/in");
      fs.mkdirs("/staging");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the input directory's URI, for {@code textFileStream}. */
  public String uri() {
    return uri("/in");
  }

  /** Returns the URI of a path of the namespace, such as a checkpoint directory. */
  public String uri(String path) {
    return fs.toUri(path).toString();
  }

  public InMemoryFileSystem fileSystem() {
    return fs;
  }

  /** Writes a file with the given lines (each ended by a newline) and modification time, then moves it in. */
  public void put(String name, long modifiedAtMillis, String... lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    putBytes(name, modifiedAtMillis, text.toString().getBytes(UTF_8));
  }

  /** Writes a file with the given bytes and modification time, then moves it in. */
  public void putBytes(String name, long modifiedAtMillis, byte[] content) {
    try {
      modificationTime.set(modifiedAtMillis);
      fs.writeAtomically("/staging/" + name, content);
      fs.rename("/staging/" + name, "/in/" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Appends to a file of the input directory in place, with a new modification time, as a writer that does
   * not move its files in complete would.
   */
  public void appendInPlace(String name, long modifiedAtMillis, String more) {
    try {
      byte[] old = fs.readAllBytes("/in/" + name);
      modificationTime.set(modifiedAtMillis);
      fs.writeAtomically("/in/" + name, out -> {
        out.write(old);
        out.write(more.getBytes(UTF_8));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a directory of this file system and everything under it, as a user cleaning up by hand would. */
  public void deleteTree(String path) {
    try {
      if (fs.isDirectory(path)) {
        for (String child : fs.list(path)) {
          deleteTree(path + "/" + child);
        }
      }
      fs.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    fs.discard();
  }
}

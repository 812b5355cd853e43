package io.dstream.internal.rdd;

import io.dstream.checkpoint.fs.Location;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * A source node over text files: one partition per file, whose records are the file's lines (without their
 * line terminators: {@code \n}, {@code \r\n} or {@code \r}). A file is read as a whole, as UTF-8, when its
 * partition is computed; bytes that are not valid UTF-8 become the replacement character U+FFFD.
 *
 * <p>A file that cannot be read fails its task with an {@link IOException} naming the file (carried by a
 * {@link UserCodeException}, so the job's cause is the IOException).
 */
public final class TextFilesNode extends RddNode<String> {
  private final List<Location> files;

  /**
   * Creates the node.
   *
   * @param engine the engine
   * @param files the files, one partition each, in this order
   */
  public TextFilesNode(Engine engine, List<Location> files) {
    super(engine);
    this.files = List.copyOf(files);
  }

  @Override
  public int numPartitions() {
    return files.size();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  protected Iterator<String> compute(int partition) {
    Location file = files.get(partition);
    byte[] bytes;
    try {
      bytes = file.fileSystem().readAllBytes(file.path());
    } catch (IOException e) {
      throw UserCodeException.wrap(new IOException("cannot read the input file " + file + ": " + e, e));
    }
    return new BufferedReader(new StringReader(new String(bytes, StandardCharsets.UTF_8))).lines().iterator();
  }

  @Override
  public String describe() {
    return "TextFiles(" + files.size() + " files)";
  }
}

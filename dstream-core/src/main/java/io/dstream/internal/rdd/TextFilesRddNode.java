package io.dstream.internal.rdd;

import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A source node over text files: one partition per {@link TextFileSplit}, whose records are the lines that
 * start in it (without their terminators: {@code \n}, {@code \r\n} or {@code \r}), decoded as UTF-8 with
 * malformed bytes as U+FFFD. A large file is several splits, read in parallel; each is read as a stream when
 * its partition is computed (see {@link SplitLineReader}), so memory does not grow with the file's size, and
 * its file is closed when its task ends, even if the task stops reading early.
 *
 * <p>A file that cannot be read fails its task with an {@link IOException} naming the file (carried by a
 * {@link UserCodeException}, so the job's cause is the IOException).
 */
public final class TextFilesRddNode extends RddNode<String> {
  private final List<TextFileSplit> splits;

  /**
   * Creates the node.
   *
   * @param engine the engine
   * @param splits the splits, one partition each, in this order
   */
  public TextFilesRddNode(Engine engine, List<TextFileSplit> splits) {
    super(engine);
    this.splits = List.copyOf(splits);
  }

  @Override
  public int numPartitions() {
    return splits.size();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  protected Iterator<String> compute(int partition) {
    TextFileSplit split = splits.get(partition);
    if (split.isEmpty()) {
      return Collections.emptyIterator();
    }
    SplitLineReader lines;
    try {
      lines = SplitLineReader.open(split);
    } catch (IOException e) {
      throw UserCodeException.wrap(e);
    }
    TaskResources.closeAtTaskEnd(lines);
    return lines;
  }

  @Override
  public String describe() {
    return "TextFiles(" + splits.size() + " splits)";
  }
}

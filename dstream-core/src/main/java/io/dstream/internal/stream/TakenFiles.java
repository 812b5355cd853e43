package io.dstream.internal.stream;

import io.dstream.checkpoint.fs.FileStatus;
import io.dstream.checkpoint.fs.Location;
import io.dstream.internal.stream.FileStreamProgress.TakenFile;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files that a file stream's remembered batches took, by name, each with its length and modification
 * time as its batch took it (restored from the checkpoint after a restart); warns once, naming the file, when
 * a taken file changes afterwards: what was appended or rewritten is never read, since a file stream reads
 * each file once. Guarded by the stream's lock.
 */
final class TakenFiles {
  private static final Logger LOG = LoggerFactory.getLogger(TakenFiles.class);

  private final Object stream;
  private final Map<String, TakenFile> byName = new HashMap<>();
  private final Set<String> warnedChanged = new HashSet<>();

  /**
   * Creates an empty set.
   *
   * @param stream the file stream, named in the warnings
   */
  TakenFiles(Object stream) {
    this.stream = stream;
  }

  boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** Notes that a batch took a file. */
  void take(TakenFile file) {
    byName.put(file.name(), file);
  }

  /**
   * Compares a taken file's status now with its status when its batch took it, and warns the first time
   * they differ.
   */
  void checkUnchanged(String name, Location file, FileStatus now) {
    TakenFile read = byName.get(name);
    if (read.changedTo(now) && warnedChanged.add(name)) {
      LOG.warn("{}: {} changed after it was taken for reading (length {} -> {} bytes, modified at {} -> {} ms); "
          + "the change is not processed, since a file stream reads each file once. Write files elsewhere "
          + "and move them into the directory complete, with an atomic rename", stream, file, read.length(),
          now.length(), read.modificationTime(), now.modificationTime());
    }
  }

  /** Makes these files, and only these, the taken ones. */
  void retainOnly(Collection<TakenFile> files) {
    byName.clear();
    files.forEach(this::take);
    warnedChanged.retainAll(byName.keySet());
  }
}

package io.dstream.internal.stream;

import io.dstream.checkpoint.fs.FileStatus;
import io.dstream.checkpoint.fs.Location;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files that a file stream's remembered batches took, each with its length and modification time as its
 * batch read it; warns once, naming the file, when a taken file changes afterwards: what was appended or
 * rewritten is never read, since a file stream reads each file once. Guarded by the stream's lock.
 */
final class TakenFiles {
  private static final Logger LOG = LoggerFactory.getLogger(TakenFiles.class);

  private final Object stream;
  // A null status: taken by a batch restored from a checkpoint, not yet seen by this process.
  private final Map<String, FileStatus> statusAsRead = new HashMap<>();
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
    return statusAsRead.containsKey(name);
  }

  /** Notes that a batch took a file, with its status as the batch reads it (null if unknown). */
  void take(String name, FileStatus status) {
    statusAsRead.put(name, status);
  }

  /** Returns the status with which a taken file is read, or null if it is not known. */
  FileStatus statusAsRead(String name) {
    return statusAsRead.get(name);
  }

  /**
   * Compares a taken file's status now with its status when its batch took it, and warns the first time
   * they differ. A file taken before a restart, not yet seen since, gets its status now as the reference.
   */
  void checkUnchanged(String name, Location file, FileStatus now) {
    FileStatus read = statusAsRead.get(name);
    if (read == null) {
      statusAsRead.put(name, now);
      return;
    }
    if ((read.length() != now.length() || read.modificationTime() != now.modificationTime())
        && warnedChanged.add(name)) {
      LOG.warn("{}: {} changed after it was taken for reading (length {} -> {} bytes, modified at {} -> {} ms); "
          + "the change is not processed, since a file stream reads each file once. Write files elsewhere "
          + "and move them into the directory complete, with an atomic rename", stream, file, read.length(),
          now.length(), read.modificationTime(), now.modificationTime());
    }
  }

  /** Forgets every file but these (and restored ones are added with unknown status). */
  void retainOnly(Collection<String> names) {
    Set<String> kept = new HashSet<>(names);
    statusAsRead.keySet().retainAll(kept);
    warnedChanged.retainAll(kept);
    for (String name : kept) {
      statusAsRead.putIfAbsent(name, null);
    }
  }
}

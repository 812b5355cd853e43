package io.dstream.checkpoint.internal.store;

import io.dstream.checkpoint.fs.FileSystem;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one directory, one file per time ({@code checkpoint-<time in ms>}), written atomically
 * and checked when read: each file holds a versioned header, the payload's length, its CRC32C and the
 * payload. It keeps the newest {@code retained} checkpoints and deletes older ones after each write.
 *
 * <p>{@link #readLatest()} returns the newest checkpoint that is intact: a torn or corrupt file (short,
 * another kind of file, an unknown format version, a checksum that does not match), or a directory where a
 * file should be, is reported once in the log, with its name, and skipped for the previous one. It knows
 * nothing of what the payload means; {@link #readLatest(Check)} lets the caller skip the checkpoints whose
 * payload it cannot use in the same way.
 *
 * <p>Thread-safe; writes and deletions are serialized.
 *
 * <pre>{@code
 * CheckpointStore store = new CheckpointStore(FileSystems.resolve("/var/app/checkpoints"));
 * store.write(batchTime, metadata, serializer);
 * Optional<Checkpoint> latest = store.readLatest();
 * }</pre>
 */
public final class CheckpointStore {
  /** How many checkpoints are kept unless told otherwise. */
  public static final int DEFAULT_RETAINED = 3;

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
  /** The name of the temporary file of an atomic write of a checkpoint, see {@code FileSystem#writeAtomically}. */
  private static final Pattern CRASH_LEFTOVER = Pattern.compile("\\.checkpoint-[0-9]+\\..+\\.tmp");

  private final Location directory;
  private final FileSystem fileSystem;
  private final int retained;
  private final Set<String> reportedBadFiles = ConcurrentHashMap.newKeySet();
  private final long openedAtMillis = System.currentTimeMillis();
  private boolean crashLeftoversDeleted;

  /**
   * Opens the checkpoints of a directory, keeping the newest {@value #DEFAULT_RETAINED}.
   *
   * @param directory the directory; created if missing
   * @throws IOException if the directory cannot be created; the message names it and says what to do
   */
  public CheckpointStore(Location directory) throws IOException {
    this(directory, DEFAULT_RETAINED);
  }

  /**
   * Opens the checkpoints of a directory.
   *
   * @param directory the directory; created if missing
   * @param retained how many of the newest checkpoints to keep, at least 1
   * @throws IllegalArgumentException if {@code retained} is less than 1
   * @throws IOException if the directory cannot be created; the message names it and says what to do
   */
  public CheckpointStore(Location directory, int retained) throws IOException {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.fileSystem = directory.fileSystem();
    if (retained < 1) {
      throw new IllegalArgumentException("the number of retained checkpoints must be at least 1, got "
          + retained);
    }
    this.retained = retained;
    try {
      fileSystem.mkdirs(directory.path());
    } catch (IOException e) {
      throw new IOException("cannot use " + directory + " as a checkpoint directory: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the directory.
   *
   * @return its location
   */
  public Location directory() {
    return directory;
  }

  /**
   * Returns how many of the newest checkpoints are kept.
   *
   * @return the count
   */
  public int retained() {
    return retained;
  }

  /**
   * Checks that checkpoints can be written, by writing and deleting a small file, so that a directory
   * without write permission is reported when the application starts, not at its first checkpoint.
   *
   * @throws IOException if the directory is not writable; the message names it and says what to do
   */
  public void verifyWritable() throws IOException {
    Location probe = directory.child(".write-probe-" + UUID.randomUUID());
    try {
      fileSystem.writeAtomically(probe.path(), new byte[0]);
      fileSystem.delete(probe.path());
    } catch (IOException e) {
      throw new IOException("the checkpoint directory " + directory + " is not writable (" + e.getMessage()
          + "); make it writable for this process, or choose another checkpoint directory", e);
    }
  }

  /**
   * Writes the checkpoint of a time, atomically (an existing one of that time is replaced), then deletes the
   * checkpoints older than the newest {@link #retained()} up to this one. Checkpoints newer than this one
   * are left alone.
   *
   * @param timeMs the time, in milliseconds, at least 0
   * @param payload the bytes to store
   * @throws IllegalArgumentException if the time is negative
   * @throws IOException if the checkpoint cannot be written; the previous ones are then intact (failing to
   *     delete an old checkpoint is only logged). A directory deleted since this store was opened is not
   *     a failure: it is created again, with a warning in the log
   */
  public synchronized void write(long timeMs, byte[] payload) throws IOException {
    Objects.requireNonNull(payload, "payload");
    if (!crashLeftoversDeleted) {
      crashLeftoversDeleted = true;
      deleteCrashLeftovers();
    }
    Location file = fileFor(timeMs);
    try {
      writeFile(file, payload);
    } catch (IOException e) {
      if (!recreateDirectoryIfDeleted(file)) {
        throw new IOException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
      }
      try {
        writeFile(file, payload);
      } catch (IOException again) {
        throw new IOException("cannot write the checkpoint " + file + " in the recreated directory: "
            + again.getMessage(), again);
      }
    }
    reportedBadFiles.remove(file.name());
    LOG.debug("Wrote checkpoint {} ({} bytes)", file, payload.length);
    deleteBeyondRetention(timeMs);
  }

  /**
   * Serializes an object and writes it as the checkpoint of a time; see {@link #write(long, byte[])}.
   *
   * @param timeMs the time, in milliseconds, at least 0
   * @param value the object
   * @param serializer turns it into bytes
   * @throws IllegalArgumentException if the time is negative or the object cannot be serialized
   * @throws IOException if the checkpoint cannot be written
   */
  public void write(long timeMs, Object value, Serializer serializer) throws IOException {
    write(timeMs, serializer.serialize(value));
  }

  /**
   * Returns the newest intact checkpoint. Damaged files met on the way (torn, corrupt, of an unknown
   * version) are logged at WARN, once per file and store, with their name and what is wrong, and skipped.
   *
   * @return the newest intact checkpoint, or empty if the directory holds no checkpoint file
   * @throws CorruptDataException if checkpoint files exist but none is intact; the message names the
   *     directory, each file's damage, and what to do
   * @throws IOException if the directory or a file cannot be read
   */
  public Optional<Checkpoint> readLatest() throws IOException {
    return readLatest(checkpoint -> Optional.empty());
  }

  /**
   * Returns the newest intact checkpoint that a check accepts. Damaged files, directories where a checkpoint
   * file should be, and checkpoints the check refuses are logged at WARN, once per file and store, with their
   * name and the reason, and skipped for the previous one.
   *
   * @param check says why an intact checkpoint cannot be used (for example, what its payload is not)
   * @return the newest intact checkpoint the check accepts, or empty if the directory holds no checkpoint
   * @throws CorruptDataException if checkpoint files exist but none is intact and accepted; the message names
   *     the directory, each file's problem, and what to do
   * @throws IOException if the directory or a file cannot be read, or the check throws it
   */
  public Optional<Checkpoint> readLatest(Check check) throws IOException {
    Objects.requireNonNull(check, "check");
    List<Long> times = times();
    List<String> unusable = new ArrayList<>();
    for (int i = times.size() - 1; i >= 0; i--) {
      Location file = fileFor(times.get(i));
      Optional<String> problem;
      boolean damaged = false;
      try {
        Checkpoint checkpoint = readFile(times.get(i), file);
        problem = check.problemWith(checkpoint);
        if (problem.isEmpty()) {
          return Optional.of(checkpoint);
        }
      } catch (NoSuchFileException deletedSinceListed) {
        continue;
      } catch (CorruptDataException e) {
        problem = Optional.of(e.getMessage());
        damaged = true;
      } catch (IOException e) {
        if (!fileSystem.isDirectory(file.path())) {
          throw e;
        }
        problem = Optional.of("it is a directory, not a checkpoint file");
      }
      reportOnce(file, (damaged ? "damaged " : "") + "checkpoint " + file, problem.get());
      unusable.add(file.name() + " (" + problem.get() + ")");
    }
    if (unusable.isEmpty()) {
      return Optional.empty();
    }
    throw new CorruptDataException("the checkpoint directory " + directory + " holds " + unusable.size()
        + " checkpoint file(s), and none is intact and usable: " + String.join("; ", unusable) + ". To start "
        + "afresh, move or delete the directory (the state it holds is lost), or restore it from a backup");
  }

  /** What a caller of {@link #readLatest(Check)} requires of a checkpoint beyond being intact. */
  @FunctionalInterface
  public interface Check {
    /**
     * Says why an intact checkpoint cannot be used.
     *
     * @param checkpoint the checkpoint, read and verified
     * @return the reason, for the log (for example "it holds a String, not a metadata checkpoint"), or empty
     *     if the checkpoint can be used
     * @throws IOException if checking needs I/O that fails; {@link #readLatest(Check)} throws it on
     */
    Optional<String> problemWith(Checkpoint checkpoint) throws IOException;
  }

  /**
   * Reads the checkpoint of one time.
   *
   * @param timeMs the time, in milliseconds
   * @return the checkpoint, or empty if there is none of that time
   * @throws CorruptDataException if the checkpoint file is damaged; the message names it and the damage
   * @throws IOException if it cannot be read
   */
  public Optional<Checkpoint> read(long timeMs) throws IOException {
    try {
      return Optional.of(readFile(timeMs, fileFor(timeMs)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (CorruptDataException e) {
      throw new CorruptDataException("the checkpoint " + fileFor(timeMs) + " is damaged: " + e.getMessage(), e);
    }
  }

  /**
   * Lists the times of the checkpoint files in the directory, intact or not.
   *
   * @return the times, ascending
   * @throws IOException if the directory cannot be listed
   */
  public List<Long> times() throws IOException {
    List<Long> times = new ArrayList<>();
    for (String name : fileSystem.list(directory.path())) {
      OptionalLong time = CheckpointFile.timeOf(name);
      if (time.isPresent()) {
        times.add(time.getAsLong());
      }
    }
    times.sort(null);
    return times;
  }

  /**
   * Deletes the checkpoints of times before a given time.
   *
   * @param timeMs the time, in milliseconds; the checkpoint of this time is kept
   * @return how many checkpoints were deleted
   * @throws IOException if the directory cannot be listed or a file cannot be deleted
   */
  public synchronized int deleteOlderThan(long timeMs) throws IOException {
    int deleted = 0;
    for (long time : times()) {
      if (time < timeMs && fileSystem.delete(fileFor(time).path())) {
        deleted++;
      }
    }
    return deleted;
  }

  /**
   * Deletes every checkpoint of the directory, whatever its time; other files are left alone.
   *
   * @return how many checkpoints were deleted
   * @throws IOException if the directory cannot be listed or a checkpoint cannot be deleted
   */
  public synchronized int deleteAll() throws IOException {
    int deleted = 0;
    for (long time : times()) {
      Location file = fileFor(time);
      if (fileSystem.delete(file.path())) {
        deleted++;
      }
      reportedBadFiles.remove(file.name());
    }
    return deleted;
  }

  @Override
  public String toString() {
    return "CheckpointStore(" + directory + ", retained " + retained + ")";
  }

  private Location fileFor(long timeMs) {
    if (timeMs < 0) {
      throw new IllegalArgumentException("a checkpoint time must be at least 0 ms, got " + timeMs);
    }
    return directory.child(CheckpointFile.nameFor(timeMs));
  }

  private void writeFile(Location file, byte[] payload) throws IOException {
    fileSystem.writeAtomically(file.path(), out -> CheckpointFile.write(out, payload));
  }

  /**
   * Creates the directory again if it no longer exists (someone deleted it while the application ran), so that
   * checkpoints go on being written instead of failing until the end of the run, which would leave a restart
   * nothing to recover from. What the directory held is gone; the log says so.
   *
   * @return true if the directory was missing and is created again
   */
  private boolean recreateDirectoryIfDeleted(Location file) {
    try {
      if (fileSystem.exists(directory.path())) {
        return false;
      }
      fileSystem.mkdirs(directory.path());
    } catch (IOException e) {
      LOG.debug("Could not create {} again", directory, e);
      return false;
    }
    LOG.warn("The checkpoint directory {} was deleted while the application ran; created it again to write {}. "
        + "The checkpoints it held before are lost", directory, file.name());
    return true;
  }

  private Checkpoint readFile(long timeMs, Location file) throws IOException {
    return new Checkpoint(timeMs, CheckpointFile.payloadOf(fileSystem.readAllBytes(file.path())));
  }

  private void reportOnce(Location file, String what, String problem) {
    if (reportedBadFiles.add(file.name())) {
      LOG.warn("Skipping the {}: {}; falling back to an older checkpoint", what, problem);
    }
  }

  /**
   * Deletes the temporary files of checkpoint writes that a crash cut short (an atomic write leaves one when
   * the process dies between writing and renaming it), so that crashes do not pile them up. Only files older
   * than this store are taken: a younger one may belong to a write under way.
   */
  private void deleteCrashLeftovers() {
    int deleted = 0;
    try {
      for (String name : fileSystem.list(directory.path())) {
        String path = directory.child(name).path();
        if (CRASH_LEFTOVER.matcher(name).matches() && fileSystem.modificationTime(path) <= openedAtMillis) {
          fileSystem.delete(path);
          deleted++;
        }
      }
    } catch (IOException e) {
      LOG.debug("Could not delete the temporary files that crashed writes left in {}: {}", directory, e.toString());
      return;
    }
    if (deleted > 0) {
      LOG.info("Deleted {} temporary files that checkpoint writes cut short by a crash left in {}", deleted,
          directory);
    }
  }

  private void deleteBeyondRetention(long writtenTimeMs) {
    List<Long> candidates = new ArrayList<>();
    try {
      for (long time : times()) {
        if (time <= writtenTimeMs) {
          candidates.add(time);
        }
      }
    } catch (IOException e) {
      LOG.warn("Could not list {} to delete old checkpoints ({}); the next checkpoint will try again", directory,
          e.toString());
      return;
    }
    for (long time : candidates.subList(0, Math.max(0, candidates.size() - retained))) {
      Location old = fileFor(time);
      try {
        fileSystem.delete(old.path());
        reportedBadFiles.remove(old.name());
      } catch (IOException e) {
        LOG.warn("Could not delete the old checkpoint {} ({}); the next checkpoint will try again", old,
            e.toString());
      }
    }
  }
}

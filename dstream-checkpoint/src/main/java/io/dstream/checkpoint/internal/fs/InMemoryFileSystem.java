package io.dstream.checkpoint.internal.fs;

import io.dstream.checkpoint.fs.DurableOutputStream;
import io.dstream.checkpoint.fs.FileStatus;
import io.dstream.checkpoint.fs.FileSystem;
import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.internal.Arguments;
import io.dstream.checkpoint.internal.PathNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A {@link FileSystem} in memory, for tests; serves {@code memory:} URIs. Each namespace (the URI's
 * authority: {@code memory://ns/dir}) is shared by the whole JVM, so that two streaming contexts, or a
 * context and the test, see the same files; it lives until {@link #discard()}.
 *
 * <p>It behaves like {@link LocalFileSystem} (the same errors, atomic renames, bytes visible as written).
 * Modification times come from a clock that a test may replace ({@link #setClock(LongSupplier)}). Users reach
 * it only through {@code memory:} locations ({@link FileSystems#resolve(String)}); dstream's own tests also
 * make it fail on purpose, through a {@code FaultHook} that its test-jar installs.
 *
 * <pre>{@code
 * InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();
 * Location dir = FileSystems.resolve(fs.toUri("/checkpoints").toString());
 * }</pre>
 */
public final class InMemoryFileSystem implements FileSystem {
  /** The operations of the file system, as a {@link FaultHook} sees them. */
  public enum Operation {
    /** {@link FileSystem#create(String)}. */
    CREATE,
    /** Writing to a stream from {@link FileSystem#create(String)}. */
    WRITE,
    /** {@link DurableOutputStream#sync()}. */
    SYNC,
    /** {@link FileSystem#open(String)}. */
    OPEN,
    /** {@link FileSystem#list(String)}. */
    LIST,
    /** {@link FileSystem#rename(String, String)}. */
    RENAME,
    /** {@link FileSystem#delete(String)}. */
    DELETE,
    /** {@link FileSystem#mkdirs(String)}. */
    MKDIRS
  }

  /** The URI scheme served. */
  public static final String SCHEME = "memory";

  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._-]*");
  private static final ConcurrentMap<String, InMemoryFileSystem> NAMESPACES = new ConcurrentHashMap<>();

  private final String namespace;
  private final NavigableMap<String, MemoryEntry> entries = new TreeMap<>();
  private volatile FaultHook faults = FaultHook.NONE;
  private volatile LongSupplier clock = System::currentTimeMillis;

  private InMemoryFileSystem(String namespace) {
    this.namespace = namespace;
    entries.put(PathNames.ROOT, new MemoryEntry(true, clock.getAsLong()));
  }

  /**
   * Returns the namespace of that name, creating it (empty) if it does not exist.
   *
   * @param namespace letters, digits, '.', '_' and '-'; empty for the namespace of {@code memory:/path}
   * @return the namespace's file system
   * @throws IllegalArgumentException if the name has other characters
   */
  public static InMemoryFileSystem named(String namespace) {
    Arguments.requireNonNull(namespace, "namespace");
    if (!NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("'" + namespace + "' is not a memory namespace name: use letters, "
          + "digits, '.', '_' and '-'");
    }
    return NAMESPACES.computeIfAbsent(namespace, InMemoryFileSystem::new);
  }

  /**
   * Returns a new, empty namespace with a unique name.
   *
   * @return its file system
   */
  public static InMemoryFileSystem newNamespace() {
    return named("ns-" + UUID.randomUUID());
  }

  /**
   * Returns the name of this namespace: the authority of its URIs.
   *
   * @return the name
   */
  public String namespace() {
    return namespace;
  }

  /** Deletes every file of this namespace and forgets it: its name then stands for a new, empty one. */
  public void discard() {
    NAMESPACES.remove(namespace, this);
    synchronized (entries) {
      entries.tailMap(PathNames.ROOT, false).clear();
    }
    faults = FaultHook.NONE;
  }

  /**
   * Sets the clock that gives modification times.
   *
   * @param millis returns the current time in milliseconds
   */
  public void setClock(LongSupplier millis) {
    this.clock = Arguments.requireNonNull(millis, "millis");
  }

  @Override
  public DurableOutputStream create(String path) throws IOException {
    String file = normalize(path);
    faults.check(Operation.CREATE, toUri(file));
    MemoryEntry entry;
    synchronized (entries) {
      if (entries.containsKey(file)) {
        throw new FileAlreadyExistsException(toUri(file).toString());
      }
      requireDirectory(PathNames.parent(file));
      entry = new MemoryEntry(false, clock.getAsLong());
      entries.put(file, entry);
    }
    return faults.wrap(new MemoryOutputStream(this, entry, file), toUri(file));
  }

  @Override
  public InputStream open(String path) throws IOException {
    return open(path, 0);
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    String file = normalize(path);
    PathNames.requireOffset(offset, toUri(file).toString());
    faults.check(Operation.OPEN, toUri(file));
    synchronized (entries) {
      MemoryEntry entry = existing(file);
      if (entry.isDirectory()) {
        throw new FileSystemException(toUri(file).toString(), null, "cannot open a directory as a file");
      }
      return entry.read(offset);
    }
  }

  @Override
  public List<String> list(String directory) throws IOException {
    String dir = normalize(directory);
    faults.check(Operation.LIST, toUri(dir));
    synchronized (entries) {
      requireDirectory(dir);
      List<String> names = new ArrayList<>();
      for (String path : descendants(dir).keySet()) {
        String name = path.substring(prefixOf(dir).length());
        if (name.indexOf('/') < 0) {
          names.add(name);
        }
      }
      return names;
    }
  }

  @Override
  public void rename(String source, String target) throws IOException {
    String from = normalize(source);
    String to = normalize(target);
    faults.check(Operation.RENAME, toUri(from));
    synchronized (entries) {
      MemoryEntry moved = existing(from);
      requireDirectory(PathNames.parent(to));
      MemoryEntry replaced = entries.get(to);
      if (replaced != null && (replaced.isDirectory() || moved.isDirectory())) {
        throw new FileSystemException(toUri(from).toString(), toUri(to).toString(),
            "a rename replaces only a file with a file");
      }
      if (to.startsWith(prefixOf(from))) {
        throw new FileSystemException(toUri(from).toString(), toUri(to).toString(),
            "cannot move a directory into itself");
      }
      Map<String, MemoryEntry> subtree = new TreeMap<>(descendants(from));
      descendants(from).clear();
      entries.remove(from);
      entries.put(to, moved);
      subtree.forEach((path, entry) -> entries.put(to + path.substring(from.length()), entry));
    }
  }

  @Override
  public boolean delete(String path) throws IOException {
    String file = normalize(path);
    faults.check(Operation.DELETE, toUri(file));
    synchronized (entries) {
      MemoryEntry entry = entries.get(file);
      if (entry == null) {
        return false;
      }
      if (file.equals(PathNames.ROOT) || !descendants(file).isEmpty()) {
        throw new DirectoryNotEmptyException(toUri(file).toString());
      }
      entries.remove(file);
      return true;
    }
  }

  @Override
  public boolean exists(String path) {
    String file = normalize(path);
    synchronized (entries) {
      return entries.containsKey(file);
    }
  }

  @Override
  public boolean isDirectory(String path) throws IOException {
    String file = normalize(path);
    synchronized (entries) {
      return existing(file).isDirectory();
    }
  }

  @Override
  public FileStatus status(String path) throws IOException {
    String file = normalize(path);
    synchronized (entries) {
      MemoryEntry entry = existing(file);
      return entry.isDirectory()
          ? new FileStatus(FileStatus.Kind.DIRECTORY, FileStatus.UNKNOWN_LENGTH, entry.modified())
          : new FileStatus(FileStatus.Kind.REGULAR_FILE, entry.length(), entry.modified());
    }
  }

  @Override
  public long modificationTime(String path) throws IOException {
    String file = normalize(path);
    synchronized (entries) {
      return existing(file).modified();
    }
  }

  @Override
  public void mkdirs(String directory) throws IOException {
    String dir = normalize(directory);
    faults.check(Operation.MKDIRS, toUri(dir));
    synchronized (entries) {
      String current = "";
      for (String name : dir.substring(1).split("/")) {
        if (name.isEmpty()) {
          continue;
        }
        current = current + "/" + name;
        MemoryEntry entry = entries.get(current);
        if (entry == null) {
          entries.put(current, new MemoryEntry(true, clock.getAsLong()));
        } else if (!entry.isDirectory()) {
          throw PathNames.fileInTheWay(toUri(dir).toString(), toUri(current).toString());
        }
      }
    }
  }

  @Override
  public URI toUri(String path) {
    try {
      return new URI(SCHEME, namespace.isEmpty() ? null : namespace, path, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + path + "' cannot be part of a URI: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "InMemoryFileSystem(" + SCHEME + "://" + namespace + ")";
  }

  FaultHook faults() {
    return faults;
  }

  void injectFaults(FaultHook hook) {
    faults = hook;
  }

  void append(MemoryEntry entry, byte[] bytes, int offset, int length) {
    synchronized (entries) {
      entry.append(bytes, offset, length, clock.getAsLong());
    }
  }

  private MemoryEntry existing(String path) throws NoSuchFileException {
    MemoryEntry entry = entries.get(path);
    if (entry == null) {
      throw new NoSuchFileException(toUri(path).toString());
    }
    return entry;
  }

  private void requireDirectory(String dir) throws IOException {
    if (!existing(dir).isDirectory()) {
      throw new NotDirectoryException(toUri(dir).toString());
    }
  }

  /** Everything under a directory, at any depth (not the directory itself); a live view. */
  private NavigableMap<String, MemoryEntry> descendants(String dir) {
    String prefix = prefixOf(dir);
    // '0' is the character after '/', so this range holds exactly the paths that start with the prefix
    // (the prefix itself is the root, or no path at all).
    return entries.subMap(prefix, false, prefix.substring(0, prefix.length() - 1) + "0", false);
  }

  private static String prefixOf(String dir) {
    return dir.equals(PathNames.ROOT) ? dir : dir + "/";
  }

  private static String normalize(String path) {
    Arguments.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("'" + path + "' is not a memory path: paths are absolute and "
          + "slash-separated, like /dir/file");
    }
    StringBuilder normalized = new StringBuilder();
    for (String name : path.split("/")) {
      if (name.equals(".") || name.equals("..")) {
        throw new IllegalArgumentException("'" + path + "' is not a memory path: '.' and '..' are not "
            + "allowed");
      }
      if (!name.isEmpty()) {
        normalized.append('/').append(name);
      }
    }
    return normalized.length() == 0 ? PathNames.ROOT : normalized.toString();
  }
}

package io.dstream.checkpoint.fs;

import io.dstream.checkpoint.internal.Arguments;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.internal.fs.LocalFileSystem;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of a location (what a user passes as a checkpoint directory) into a {@link Location}:
 * <ul>
 *   <li>a plain path ({@code /var/app/checkpoints}, {@code checkpoints}, {@code C:\app}): the local disk,
 *       relative paths against the working directory;
 *   <li>{@code file:///var/app/checkpoints}: the local disk;
 *   <li>{@code memory://namespace/path}: a namespace in memory, shared by the whole JVM, for tests;
 *   <li>any other scheme: the {@link FileSystemProvider} for that scheme found on the class path.
 * </ul>
 *
 * <pre>{@code
 * Location dir = FileSystems.resolve("file:///var/app/checkpoints");
 * }</pre>
 */
public final class FileSystems {
  /** The scheme of the local file system. */
  public static final String FILE_SCHEME = "file";

  // Two characters at least: "C:\dir" is a Windows path, not a URI of scheme "c".
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]+):.*", Pattern.DOTALL);

  private FileSystems() {}

  /**
   * Returns the location that a path or URI names.
   *
   * @param location a plain path or a URI
   * @return its file system and path
   * @throws IllegalArgumentException if the text is blank or malformed, or no file system serves its
   *     scheme (the message lists what would); also if two providers on the class path serve it
   */
  public static Location resolve(String location) {
    Arguments.requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new IllegalArgumentException("a location must not be blank; give a path such as /var/app/data "
          + "or a URI such as file:///var/app/data");
    }
    Matcher scheme = SCHEME.matcher(location);
    if (!scheme.matches()) {
      return local(location);
    }
    String name = scheme.group(1).toLowerCase(Locale.ROOT);
    URI uri = parse(location);
    if (name.equals(FILE_SCHEME)) {
      return localFromUri(uri, location);
    }
    if (name.equals(InMemoryFileSystem.SCHEME)) {
      return inMemory(uri, location);
    }
    Location found = provider(name, location).locate(uri);
    if (found == null) {
      throw new IllegalArgumentException("the file system provider for scheme '" + name + "' returned no "
          + "location for " + location);
    }
    return found;
  }

  private static Location local(String path) {
    try {
      return local(Path.of(path));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + path + "' is not a valid path: " + e.getMessage(), e);
    }
  }

  private static Location local(Path path) {
    String absolute = path.toAbsolutePath().normalize().toString().replace(File.separatorChar, '/');
    return new Location(LocalFileSystem.instance(), absolute);
  }

  private static Location localFromUri(URI uri, String location) {
    try {
      return local(Path.of(uri));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + location + "' is not a local file URI (" + e.getMessage()
          + "); write file:///absolute/path, or a plain path", e);
    }
  }

  private static Location inMemory(URI uri, String location) {
    String path = uri.getPath();
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("'" + location + "' is not a memory location; write "
          + "memory://namespace/absolute/path");
    }
    String namespace = uri.getAuthority() == null ? "" : uri.getAuthority();
    return new Location(InMemoryFileSystem.named(namespace), path);
  }

  private static URI parse(String location) {
    try {
      return new URI(location);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + location + "' is not a valid URI: " + e.getMessage()
          + "; escape special characters (a space is %20), or give a plain path", e);
    }
  }

  private static FileSystemProvider provider(String scheme, String location) {
    List<FileSystemProvider> matches = new ArrayList<>();
    try {
      for (FileSystemProvider provider : ServiceLoader.load(FileSystemProvider.class, classLoader())) {
        if (scheme.equalsIgnoreCase(provider.scheme())) {
          matches.add(provider);
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalArgumentException("cannot load the file system providers on the class path to "
          + "resolve " + location + ": " + e.getMessage() + "; fix or remove the faulty provider", e);
    }
    if (matches.isEmpty()) {
      throw new IllegalArgumentException("no file system serves the scheme '" + scheme + "' of " + location
          + ": the built-in schemes are " + FILE_SCHEME + " and " + InMemoryFileSystem.SCHEME + " (plain paths "
          + "are local); for another scheme, put a " + FileSystemProvider.class.getName() + " for '" + scheme
          + "' on the class path, listed in META-INF/services/" + FileSystemProvider.class.getName());
    }
    if (matches.size() > 1) {
      throw new IllegalArgumentException("several file system providers serve the scheme '" + scheme + "' of "
          + location + ": " + matches.stream().map(p -> p.getClass().getName()).toList()
          + "; keep only one of them on the class path");
    }
    return matches.get(0);
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : FileSystems.class.getClassLoader();
  }
}

package io.dstream.checkpoint.fs;

import java.net.URI;

/**
 * Serves the locations of one URI scheme (such as {@code s3} or {@code hdfs}) with a {@link FileSystem} of
 * its own. dstream finds providers with {@link java.util.ServiceLoader}: list the implementation's class
 * name in {@code META-INF/services/io.dstream.checkpoint.fs.FileSystemProvider} of its jar, give it a
 * public no-argument constructor, and put the jar on the class path. The built-in schemes ({@code file},
 * {@code memory}) cannot be replaced.
 *
 * <pre>{@code
 * public final class BucketFileSystemProvider implements FileSystemProvider {
 *   public String scheme() {
 *     return "bucket";
 *   }
 *
 *   public Location locate(URI uri) {
 *     return new Location(BucketFileSystem.forBucket(uri.getAuthority()), uri.getPath());
 *   }
 * }
 * }</pre>
 */
public interface FileSystemProvider {
  /**
   * Returns the URI scheme this provider serves; compared without regard to case.
   *
   * @return the scheme, without ':'
   */
  String scheme();

  /**
   * Returns the file system and path that a URI of this scheme names. Should not connect anywhere: the
   * file system's operations may do so when called.
   *
   * @param uri a URI of this provider's scheme
   * @return its location
   * @throws IllegalArgumentException if the URI does not name a location of this scheme; the message says
   *     what a valid one looks like
   */
  Location locate(URI uri);
}

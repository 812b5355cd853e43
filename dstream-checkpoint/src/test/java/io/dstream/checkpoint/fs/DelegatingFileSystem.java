package io.dstream.checkpoint.fs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A {@link FileSystem} that passes every abstract method to another one and keeps the interface's default
 * methods, as a provider that overrides none of them would. Tests use it as it is (to exercise the defaults)
 * or extend it to change one operation (to make it slow or fail).
 */
public class DelegatingFileSystem implements FileSystem {
  private final FileSystem target;

  /**
   * Creates the file system.
   *
   * @param target where every abstract method goes
   */
  public DelegatingFileSystem(FileSystem target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  @Override
  public DurableOutputStream create(String path) throws IOException {
    return target.create(path);
  }

  @Override
  public InputStream open(String path) throws IOException {
    return target.open(path);
  }

  @Override
  public List<String> list(String directory) throws IOException {
    return target.list(directory);
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    target.rename(source, destination);
  }

  @Override
  public boolean delete(String path) throws IOException {
    return target.delete(path);
  }

  @Override
  public boolean exists(String path) throws IOException {
    return target.exists(path);
  }

  @Override
  public long modificationTime(String path) throws IOException {
    return target.modificationTime(path);
  }

  @Override
  public void mkdirs(String directory) throws IOException {
    target.mkdirs(directory);
  }

  @Override
  public URI toUri(String path) {
    return target.toUri(path);
  }
}

package io.dstream.checkpoint.fs;

import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import java.net.URI;

/** Serves "testfs://name/path" from the in-memory namespace "testfs-name"; registered in test resources. */
public final class TestSchemeProvider implements FileSystemProvider {
  @Override
  public String scheme() {
    return "testfs";
  }

  @Override
  public Location locate(URI uri) {
    if (uri.getAuthority() == null) {
      throw new IllegalArgumentException("testfs locations look like testfs://name/path, got " + uri);
    }
    return new Location(InMemoryFileSystem.named("testfs-" + uri.getAuthority()), uri.getPath());
  }
}

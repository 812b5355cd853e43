package io.dstream.checkpoint.fs;

import java.net.URI;

/** Two providers of the same scheme, and one that tries to take over a built-in scheme. */
final class TwinProviders {
  private TwinProviders() {}

  /** Serves "twin"; so does {@link Second}. */
  public static final class First implements FileSystemProvider {
    @Override
    public String scheme() {
      return "twin";
    }

    @Override
    public Location locate(URI uri) {
      throw new AssertionError("never chosen");
    }
  }

  /** Serves "twin" too. */
  public static final class Second implements FileSystemProvider {
    @Override
    public String scheme() {
      return "TWIN";
    }

    @Override
    public Location locate(URI uri) {
      throw new AssertionError("never chosen");
    }
  }

  /** Claims the built-in "memory" scheme, and must never be used. */
  public static final class MemoryImpostor implements FileSystemProvider {
    @Override
    public String scheme() {
      return "memory";
    }

    @Override
    public Location locate(URI uri) {
      throw new AssertionError("a built-in scheme was handed to a provider");
    }
  }
}

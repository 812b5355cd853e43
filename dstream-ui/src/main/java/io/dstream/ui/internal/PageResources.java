package io.dstream.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The status page's static files (its HTML, script and style sheet), read once from the jar, by the path they
 * are served at. Nothing is fetched from elsewhere: the page works offline.
 */
final class PageResources {
  /**
   * A static file.
   *
   * @param contentType its content type
   * @param body its bytes
   */
  record Resource(String contentType, byte[] body) {}

  private static final String DIRECTORY = "page/";

  private final Map<String, Resource> byPath;

  private PageResources(Map<String, Resource> byPath) {
    this.byPath = byPath;
  }

  /**
   * Reads the page's files from the class path.
   *
   * @return the files
   * @throws UncheckedIOException if one is missing or cannot be read (a broken jar)
   */
  static PageResources load() {
    Resource html = read("index.html", "text/html; charset=utf-8");
    return new PageResources(Map.of(
        "/", html,
        "/index.html", html,
        "/static/status.js", read("status.js", "text/javascript; charset=utf-8"),
        "/static/status.css", read("status.css", "text/css; charset=utf-8")));
  }

  /**
   * Returns the file served at a path.
   *
   * @param path the request's path
   * @return the file, if one is served there
   */
  Optional<Resource> at(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  private static Resource read(String name, String contentType) {
    try (InputStream in = PageResources.class.getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IOException("the status page's file " + DIRECTORY + name + " is not in dstream-ui's jar");
      }
      return new Resource(contentType, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

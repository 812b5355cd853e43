package io.dstream.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dstream.StreamingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests a running context's status page over HTTP, and parses its JSON with a real JSON parser. */
final class StatusPageClient {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;

  private StatusPageClient(URI base) {
    this.base = base;
  }

  /** A client of the page of a started context; fails if it serves none. */
  static StatusPageClient of(StreamingContext context) {
    return new StatusPageClient(URI.create(context.uiWebUrl()
        .orElseThrow(() -> new AssertionError("the context serves no status page"))));
  }

  /** A client of a status server at a URL. */
  static StatusPageClient of(String url) {
    return new StatusPageClient(URI.create(url));
  }

  URI base() {
    return base;
  }

  /** Sends a request with a method and no body. */
  HttpResponse<String> send(String method, String path) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send("GET", path);
  }

  /** GETs a JSON document that must be served with status 200. */
  JsonNode json(String path) {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " gave " + response.statusCode() + ": " + response.body());
    }
    return parse(response.body());
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
